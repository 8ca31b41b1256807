package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A κ × n' bit matrix of the IKNP extension (T, U or Q), stored by column: column i is the PRG
 * expansion of base-OT seed i, bit j of a column is transfer j. Bit j of a column sits in long
 * {@code j / 64} at bit {@code j % 64}; on the wire each long is eight bytes little-endian, so byte
 * {@code k} holds bits {@code 8k … 8k+7}, least significant first, as in {@code circuit}.
 *
 * <p>Every operation that mixes in a secret bit (a bit of Δ) does so with a mask, not a branch.
 */
final class ColumnMatrix {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ExtensionShape shape;
  private final int words;
  private final long[] bits;

  private ColumnMatrix(ExtensionShape shape, long[] bits) {
    this.shape = shape;
    this.words = shape.words();
    this.bits = bits;
  }

  /**
   * Column i = PRG(seeds[i]) (IKNP03 §3; KOS15 Fig. 10 "Extend", step 2). The PRG is AES-128 in
   * counter mode from a zero counter: each seed is a fresh base-OT key bound to its session and
   * index, so no key ever encrypts the same counter twice.
   */
  static ColumnMatrix expand(byte[][] seeds, ExtensionShape shape) {
    long[] bits = new long[KAPPA * shape.words()];
    byte[] stream = new byte[shape.columnBytes()];
    Cipher aes = aesCtr();
    for (int i = 0; i < KAPPA; i++) {
      keystream(aes, seeds[i], stream);
      for (int w = 0; w < shape.words(); w++) {
        bits[i * shape.words() + w] = (long) LONGS.get(stream, 8 * w);
      }
    }
    Arrays.fill(stream, (byte) 0);
    return new ColumnMatrix(shape, bits);
  }

  /** Reads the matrix u as {@link #toBytes()} wrote it; the caller checked the length. */
  static ColumnMatrix fromBytes(byte[] bytes, ExtensionShape shape) {
    long[] bits = new long[KAPPA * shape.words()];
    for (int w = 0; w < bits.length; w++) {
      bits[w] = (long) LONGS.get(bytes, 8 * w);
    }
    return new ColumnMatrix(shape, bits);
  }

  byte[] toBytes() {
    byte[] out = new byte[bits.length * 8];
    for (int w = 0; w < bits.length; w++) {
      LONGS.set(out, 8 * w, bits[w]);
    }
    return out;
  }

  ExtensionShape shape() {
    return shape;
  }

  /** Copies column {@code i} into {@code out} ({@link ExtensionShape#words()} longs). */
  void copyColumn(int i, long[] out) {
    System.arraycopy(bits, i * words, out, 0, words);
  }

  /** this ⊕= other, column by column. */
  void xor(ColumnMatrix other) {
    for (int k = 0; k < bits.length; k++) {
      bits[k] ^= other.bits[k];
    }
  }

  /** Every column ⊕= x, a vector of n' bits: the receiver's u^i = t0^i ⊕ t1^i ⊕ x. */
  void xorIntoEveryColumn(long[] x) {
    for (int i = 0; i < KAPPA; i++) {
      for (int w = 0; w < words; w++) {
        bits[i * words + w] ^= x[w];
      }
    }
  }

  /**
   * Column i ⊕= Δ_i·u^i for every i: the sender's q^i = t^i_{Δ_i} ⊕ Δ_i·u^i = t0^i ⊕ Δ_i·x (KOS15
   * Fig. 10 "Extend", step 4).
   */
  void xorSelectedColumns(Delta delta, ColumnMatrix u) {
    for (int i = 0; i < KAPPA; i++) {
      long mask = delta.mask(i);
      for (int w = 0; w < words; w++) {
        bits[i * words + w] ^= u.bits[i * words + w] & mask;
      }
    }
  }

  /**
   * The first {@code n} rows, transposed: row j is 128 bits, one from each column, as {@code
   * rows[2j]} (columns 0–63) and {@code rows[2j+1]} (columns 64–127). Branch-free in the bits.
   */
  long[] rows(int n) {
    long[] rows = new long[2 * n];
    for (int i = 0; i < KAPPA; i++) {
      int half = i >>> 6;
      int shift = i & 63;
      int base = i * words;
      for (int j = 0; j < n; j++) {
        rows[2 * j + half] |= ((bits[base + (j >>> 6)] >>> (j & 63)) & 1L) << shift;
      }
    }
    return rows;
  }

  void destroy() {
    Arrays.fill(bits, 0L);
  }

  private static Cipher aesCtr() {
    try {
      return Cipher.getInstance("AES/CTR/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR is required by the JDK", e);
    }
  }

  /** AES-128-CTR(key) from a zero counter into {@code out}; one cipher re-keyed per column. */
  private static void keystream(Cipher aes, byte[] key, byte[] out) {
    try {
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      Arrays.fill(out, (byte) 0);
      int written = aes.doFinal(out, 0, out.length, out, 0);
      if (written != out.length) {
        throw new IllegalStateException("AES-CTR returned " + written + " bytes");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR failed on a 16-byte key", e);
    }
  }
}
