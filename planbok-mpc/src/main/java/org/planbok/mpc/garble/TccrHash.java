package org.planbok.mpc.garble;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tweakable circular correlation-robust hash of Guo, Katz, Wang and Yu, "Efficient and Secure
 * Multiparty Computation from Fixed-Key Block Ciphers" (IEEE S&amp;P 2020; ePrint 2019/074 §7.4):
 * {@code H(x, i) = π(π(x) ⊕ i) ⊕ π(x)}, where π is AES-128 under a fixed public key.
 *
 * <p>Half-gates garbling needs a hash that stays pseudorandom when queried on labels correlated by
 * the secret offset Δ, with a distinct tweak per query (tweakable circular correlation robustness,
 * TCCR). We spend two permutation calls per hash rather than one call on the orthomorphism {@code
 * σ(xL ‖ xR) = (xL ⊕ xR ‖ xL)} as in {@code π(σ(x) ⊕ i) ⊕ σ(x)}: σ is linear, so {@code H(x ⊕ Δ, i)
 * ⊕ H(x' ⊕ Δ, i') = i ⊕ i'} whenever {@code σ(x ⊕ x') = i ⊕ i'}, whatever Δ, and that variant is
 * not TCCR. (σ alone gives the CCR hash of §7.3, which has no tweak to tell gates apart.) Both
 * layers of a gate's hashes go through the cipher as one batch, so the second layer is cheap.
 *
 * <p>Blocks are two longs {@code (lo, hi)}; as bytes, {@code lo} is bytes 0–7 little-endian and
 * {@code hi} bytes 8–15, so a label's colour (its least significant bit) is bit 0 of byte 0. A
 * tweak {@code i} is the block {@code (i, 0)}.
 *
 * <p>Not thread-safe: it owns one {@link Cipher} and its buffers. The garbler and evaluator make
 * one per call.
 */
final class TccrHash {
  /** Most blocks one {@link #hash} call takes: the garbler's four per AND gate. */
  static final int MAX_BLOCKS = 4;

  /**
   * The fixed AES key: the first 16 bytes of SHA-256 of a public string, so nobody chose it. It
   * need not be secret (the security argument models π as a public random permutation), only fixed
   * before any label is drawn.
   */
  private static final byte[] FIXED_KEY =
      Arrays.copyOf(sha256("planbok/v1/garble/fixed-key-aes-128"), 16);

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Cipher aes;
  private final byte[] in = new byte[16 * MAX_BLOCKS];
  private final byte[] first = new byte[16 * MAX_BLOCKS];
  private final byte[] second = new byte[16 * MAX_BLOCKS];

  TccrHash() {
    try {
      aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(FIXED_KEY, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128 is required by the JDK", e);
    }
  }

  /**
   * Replaces {@code blocks[2k], blocks[2k+1]} by {@code H(block k, tweaks[k])} for {@code k <
   * count}. Both permutation layers go through the cipher as one batch of {@code count} blocks.
   */
  void hash(long[] blocks, long[] tweaks, int count) {
    int length = 16 * count;
    for (int k = 0; k < 2 * count; k++) {
      LONG.set(in, 8 * k, blocks[k]);
    }
    permute(in, length, first);
    for (int k = 0; k < count; k++) {
      LONG.set(in, 16 * k, (long) LONG.get(first, 16 * k) ^ tweaks[k]);
      LONG.set(in, 16 * k + 8, (long) LONG.get(first, 16 * k + 8));
    }
    permute(in, length, second);
    for (int k = 0; k < 2 * count; k++) {
      blocks[k] = (long) LONG.get(second, 8 * k) ^ (long) LONG.get(first, 8 * k);
    }
  }

  /** Zeroes the buffers, which held labels. */
  void clear() {
    Arrays.fill(in, (byte) 0);
    Arrays.fill(first, (byte) 0);
    Arrays.fill(second, (byte) 0);
  }

  /** The block's bytes in this package's order. */
  static byte[] bytes(long lo, long hi) {
    byte[] b = new byte[16];
    LONG.set(b, 0, lo);
    LONG.set(b, 8, hi);
    return b;
  }

  /** The little-endian long at {@code offset}: one half of a block read from the wire. */
  static long word(byte[] b, int offset) {
    return (long) LONG.get(b, offset);
  }

  /** Writes one half of a block, as {@link #word} reads it. */
  static void putWord(byte[] b, int offset, long value) {
    LONG.set(b, offset, value);
  }

  private void permute(byte[] input, int length, byte[] output) {
    try {
      aes.update(input, 0, length, output, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-ECB refused whole blocks", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }
}
