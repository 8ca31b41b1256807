package org.planbok.wallet.chain.solana;

import java.io.ByteArrayOutputStream;

/**
 * Solana's compact-u16 ("shortvec"): 7 bits a byte, low first, high bit set when another byte
 * follows; at most 3 bytes and only the shortest encoding (Solana's decoder refuses aliases).
 */
final class CompactU16 {
  private CompactU16() {}

  static void write(ByteArrayOutputStream out, int value) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException("compact-u16 out of range");
    }
    int v = value;
    while (true) {
      int b = v & 0x7f;
      v >>>= 7;
      if (v == 0) {
        out.write(b);
        return;
      }
      out.write(b | 0x80);
    }
  }
}
