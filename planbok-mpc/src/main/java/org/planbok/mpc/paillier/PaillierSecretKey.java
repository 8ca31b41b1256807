package org.planbok.mpc.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A Paillier key pair from primes {@code p ≡ q ≡ 3 (mod 4)} (so N is a Blum integer, which the
 * Paillier–Blum modulus proof needs), with CRT decryption. {@link #toString()} never shows p or q.
 */
public final class PaillierSecretKey {
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private final BigInteger p;
  private final BigInteger q;
  private final PaillierPublicKey publicKey;
  private final BigInteger pSquared;
  private final BigInteger qSquared;
  private final BigInteger hp;
  private final BigInteger hq;
  private final BigInteger qInvP;
  private final BigInteger phi;

  public PaillierSecretKey(BigInteger p, BigInteger q) {
    if (p.equals(q)) {
      throw new IllegalArgumentException("p and q must differ");
    }
    this.p = p;
    this.q = q;
    this.publicKey = new PaillierPublicKey(p.multiply(q));
    this.pSquared = p.multiply(p);
    this.qSquared = q.multiply(q);
    // hp = L_p(g^(p−1) mod p²)⁻¹ mod p with g = N + 1. By the binomial theorem (1 + N)^k ≡ 1 + kN
    // (mod p²), so L_p(·) = (p − 1)·N / p = (p − 1)·q ≡ −q (mod p): hp = (−q)⁻¹ mod p, and the
    // same for hq. Two 2048-bit exponentiations saved each time a share is loaded.
    this.hp = q.negate().mod(p).modInverse(p);
    this.hq = p.negate().mod(q).modInverse(q);
    this.qInvP = q.modInverse(p);
    this.phi = p.subtract(BigInteger.ONE).multiply(q.subtract(BigInteger.ONE));
  }

  /**
   * Generates primes of exactly half the modulus size with {@code p ≡ q ≡ 3 (mod 4)}, repeating
   * until N has exactly {@code modulusBits} bits.
   */
  public static PaillierSecretKey generate(int modulusBits, SecureRandom random) {
    int half = modulusBits / 2;
    while (true) {
      BigInteger p = blumPrime(half, random);
      BigInteger q = blumPrime(half, random);
      if (!p.equals(q) && p.multiply(q).bitLength() == modulusBits) {
        return new PaillierSecretKey(p, q);
      }
    }
  }

  private static BigInteger blumPrime(int bits, SecureRandom random) {
    while (true) {
      BigInteger candidate = BigInteger.probablePrime(bits, random);
      if (candidate.mod(FOUR).equals(THREE)) {
        return candidate;
      }
    }
  }

  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  public BigInteger p() {
    return p;
  }

  public BigInteger q() {
    return q;
  }

  /** φ(N) = (p − 1)(q − 1). */
  public BigInteger phi() {
    return phi;
  }

  /** Paillier 1999 §7 decryption with the Chinese remainder theorem: m in [0, N). */
  public BigInteger decrypt(BigInteger c) {
    BigInteger mp =
        lFunction(c.mod(pSquared).modPow(p.subtract(BigInteger.ONE), pSquared), p)
            .multiply(hp)
            .mod(p);
    BigInteger mq =
        lFunction(c.mod(qSquared).modPow(q.subtract(BigInteger.ONE), qSquared), q)
            .multiply(hq)
            .mod(q);
    // Garner: m = mq + q·((mp − mq)·q⁻¹ mod p)
    return mq.add(q.multiply(mp.subtract(mq).multiply(qInvP).mod(p)));
  }

  private static BigInteger lFunction(BigInteger u, BigInteger prime) {
    return u.subtract(BigInteger.ONE).divide(prime);
  }

  @Override
  public String toString() {
    return "PaillierSecretKey[redacted, " + publicKey.modulus().bitLength() + " bits]";
  }
}
