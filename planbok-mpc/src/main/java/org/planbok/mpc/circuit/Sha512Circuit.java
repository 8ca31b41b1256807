package org.planbok.mpc.circuit;

/**
 * SHA-512 (FIPS 180-4) of a message of fixed length as a boolean circuit. The length is public: it
 * decides the padding (§5.1.2), which is constant and folds away, as do the round constants and
 * initial hash value wherever they meet other constants (the padding words of the message schedule,
 * the first round's state).
 *
 * <p>Cost, for a 32-byte message and the first 32 bytes of the digest (the half Ed25519 key
 * generation uses, RFC 8032 §5.1.5; the builder prunes the rest): 54,315 AND gates, 282,912 gates
 * in all. A 64-bit addition costs 63 AND gates, Ch and Maj 64 each, so a round costs at most 569
 * (seven additions) and a schedule word 189. A block with no constant in it and all eight digest
 * words would cost 58,120; constant folding and pruning save the difference.
 */
public final class Sha512Circuit {
  /** The bits of a digest. */
  public static final int DIGEST_BITS = 512;

  private static final int BLOCK_BYTES = 128;

  private Sha512Circuit() {}

  /**
   * A circuit hashing a message of {@code messageBytes} (at least 1) bytes, all input by the first
   * party (the second party inputs nothing), whose outputs are the first {@code outputBytes} bytes
   * of the digest in this package's bit order.
   */
  public static Circuit of(int messageBytes, int outputBytes) {
    if (messageBytes < 1) {
      // The digest would be a constant, and a circuit without inputs cannot write constants.
      throw new IllegalArgumentException("the message must have at least one byte");
    }
    if (outputBytes < 0 || outputBytes > DIGEST_BITS / 8) {
      throw new IllegalArgumentException("output length out of range");
    }
    CircuitBuilder builder = new CircuitBuilder();
    Word message = builder.firstInput(8 * messageBytes);
    return builder.build(digest(builder, message).slice(0, 8 * outputBytes));
  }

  /**
   * The 512-bit digest of {@code message}, a whole number of bytes in this package's bit order; the
   * digest's bytes come in the standard's order (§6.4.2 step 4: H_0 … H_7, each big-endian).
   */
  public static Word digest(CircuitBuilder builder, Word message) {
    if (message.size() % 8 != 0) {
      throw new IllegalArgumentException("SHA-512 here takes whole bytes: " + message.size());
    }
    Word padded = message.concat(Word.constantBytes(padding(message.size() / 8)));
    Word[] h = new Word[8];
    for (int j = 0; j < 8; j++) {
      h[j] = Word.constant(Sha512Constants.IV[j], 64); // §5.3.5
    }
    for (int block = 0; block < padded.size() / (8 * BLOCK_BYTES); block++) {
      h =
          compress(
              builder, h, padded.slice(8 * BLOCK_BYTES * block, 8 * BLOCK_BYTES * (block + 1)));
    }
    Word digest = h[0].reverseBytes();
    for (int j = 1; j < 8; j++) {
      digest = digest.concat(h[j].reverseBytes());
    }
    return digest;
  }

  /**
   * §5.1.2: a 1 bit, zeros up to 896 mod 1024 bits, then the message length in bits as a 128-bit
   * big-endian integer.
   */
  static byte[] padding(int messageBytes) {
    int total = ((messageBytes + 17 + BLOCK_BYTES - 1) / BLOCK_BYTES) * BLOCK_BYTES;
    byte[] pad = new byte[total - messageBytes];
    pad[0] = (byte) 0x80;
    long bits = 8L * messageBytes;
    for (int i = 0; i < 8; i++) {
      pad[pad.length - 1 - i] = (byte) (bits >>> (8 * i));
    }
    return pad;
  }

  /** §6.4.2 steps 1–4 on one 1024-bit block; words are little-endian integers. */
  private static Word[] compress(CircuitBuilder builder, Word[] hash, Word block) {
    // Step 1, the message schedule; §5.2.2 reads each 64-bit word big-endian.
    Word[] w = new Word[80];
    for (int t = 0; t < 16; t++) {
      w[t] = block.slice(64 * t, 64 * (t + 1)).reverseBytes();
    }
    for (int t = 16; t < 80; t++) {
      w[t] =
          builder.sum(sigma1(builder, w[t - 2]), w[t - 7], sigma0(builder, w[t - 15]), w[t - 16]);
    }
    // Step 2.
    Word a = hash[0];
    Word b = hash[1];
    Word c = hash[2];
    Word d = hash[3];
    Word e = hash[4];
    Word f = hash[5];
    Word g = hash[6];
    Word h = hash[7];
    // Step 3. Maj(a, b, c) = b ⊕ ((a⊕b) ∧ (b⊕c)), and this round's b⊕c is the last round's a⊕b:
    // one XOR a bit saved. The constant K_t is summed with W_t first, so that, while W_t is
    // padding, they fold into one constant.
    Word bXorC = builder.xor(b, c);
    for (int t = 0; t < 80; t++) {
      Word k = Word.constant(Sha512Constants.K[t], 64);
      Word t1 = builder.sum(k, w[t], h, bigSigma1(builder, e), builder.ch(e, f, g));
      Word aXorB = builder.xor(a, b);
      Word maj = builder.xor(b, builder.and(aXorB, bXorC));
      bXorC = aXorB;
      Word t2 = builder.add(bigSigma0(builder, a), maj);
      h = g;
      g = f;
      f = e;
      e = builder.add(d, t1);
      d = c;
      c = b;
      b = a;
      a = builder.add(t1, t2);
    }
    // Step 4.
    Word[] state = {a, b, c, d, e, f, g, h};
    Word[] next = new Word[8];
    for (int j = 0; j < 8; j++) {
      next[j] = builder.add(state[j], hash[j]);
    }
    return next;
  }

  /** Σ0^{512}(x) = ROTR^28(x) ⊕ ROTR^34(x) ⊕ ROTR^39(x), §4.1.3 (4.10). */
  private static Word bigSigma0(CircuitBuilder builder, Word x) {
    return builder.xor(builder.xor(x.rotateRight(28), x.rotateRight(34)), x.rotateRight(39));
  }

  /** Σ1^{512}(x) = ROTR^14(x) ⊕ ROTR^18(x) ⊕ ROTR^41(x), §4.1.3 (4.11). */
  private static Word bigSigma1(CircuitBuilder builder, Word x) {
    return builder.xor(builder.xor(x.rotateRight(14), x.rotateRight(18)), x.rotateRight(41));
  }

  /** σ0^{512}(x) = ROTR^1(x) ⊕ ROTR^8(x) ⊕ SHR^7(x), §4.1.3 (4.12). */
  private static Word sigma0(CircuitBuilder builder, Word x) {
    return builder.xor(builder.xor(x.rotateRight(1), x.rotateRight(8)), x.shiftRight(7));
  }

  /** σ1^{512}(x) = ROTR^19(x) ⊕ ROTR^61(x) ⊕ SHR^6(x), §4.1.3 (4.13). */
  private static Word sigma1(CircuitBuilder builder, Word x) {
    return builder.xor(builder.xor(x.rotateRight(19), x.rotateRight(61)), x.shiftRight(6));
  }
}
