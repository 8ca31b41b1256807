package org.planbok.wallet.chain.solana;

import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;

/** A Solana account address: the 32-byte ed25519 public key in Base58 (no checksum). */
public final class SolanaAddress {
  private SolanaAddress() {}

  public static String of(Ed25519Key key) {
    return Base58.encode(key.encoded());
  }

  /** The 32 bytes of an address; {@code field} names it in errors. */
  public static byte[] decode(String address, String field) {
    byte[] bytes;
    try {
      bytes = Base58.decode(address);
    } catch (IllegalArgumentException e) {
      throw new ChainFormatException(field, "not Base58");
    }
    if (bytes.length != 32) {
      throw new ChainFormatException(field, "a Solana address is 32 bytes");
    }
    return bytes;
  }
}
