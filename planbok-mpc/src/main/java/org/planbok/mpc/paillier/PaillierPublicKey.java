package org.planbok.mpc.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A Paillier public key {@code N} with generator {@code N + 1}. Ciphertexts live in {@code
 * Z*_{N²}}. Accepting a peer's key also needs the modulus proofs in {@code org.planbok.mpc.zk};
 * this class only checks what is cheap.
 */
public final class PaillierPublicKey {
  public static final int MODULUS_BITS = 2048;

  private final BigInteger n;
  private final BigInteger nSquared;

  public PaillierPublicKey(BigInteger n) {
    if (n == null || n.signum() <= 0) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "modulus must be positive");
    }
    this.n = n;
    this.nSquared = n.multiply(n);
  }

  public BigInteger modulus() {
    return n;
  }

  public BigInteger modulusSquared() {
    return nSquared;
  }

  /** A fresh {@code r^N mod N²}, r uniform in Z*_N: the expensive half of an encryption. */
  public BigInteger randomMask(SecureRandom random) {
    return randomUnit(random).modPow(n, nSquared);
  }

  /** A uniform element of Z*_N. */
  public BigInteger randomUnit(SecureRandom random) {
    BigInteger r;
    do {
      r = new BigInteger(n.bitLength() + 64, random).mod(n);
    } while (r.signum() == 0 || !r.gcd(n).equals(BigInteger.ONE));
    return r;
  }

  /** {@code Enc(m) = (1 + m·N) · r^N mod N²} for m in [0, N). */
  public BigInteger encrypt(BigInteger m, SecureRandom random) {
    return encryptWithMask(m, randomMask(random));
  }

  /** Encryption with explicit randomness r (needed by proofs that open the randomness). */
  public BigInteger encrypt(BigInteger m, BigInteger r) {
    return encryptWithMask(m, r.modPow(n, nSquared));
  }

  /** Encryption with a precomputed mask {@code r^N mod N²} (see {@link MaskPool}). */
  public BigInteger encryptWithMask(BigInteger m, BigInteger mask) {
    BigInteger gm = BigInteger.ONE.add(m.mod(n).multiply(n)).mod(nSquared);
    return gm.multiply(mask).mod(nSquared);
  }

  /** {@code Enc(a + b)} from {@code Enc(a)} and {@code Enc(b)}. */
  public BigInteger add(BigInteger c1, BigInteger c2) {
    return c1.multiply(c2).mod(nSquared);
  }

  /** {@code Enc(k·a)} from {@code Enc(a)}. */
  public BigInteger multiply(BigInteger c, BigInteger k) {
    return c.modPow(k, nSquared);
  }

  /** Checks a ciphertext received from outside is a unit below N²; aborts otherwise. */
  public BigInteger requireCiphertext(BigInteger c, String what) {
    if (c == null
        || c.signum() <= 0
        || c.compareTo(nSquared) >= 0
        || !c.gcd(n).equals(BigInteger.ONE)) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, what + " is not a ciphertext under N");
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaillierPublicKey k && k.n.equals(n);
  }

  @Override
  public int hashCode() {
    return n.hashCode();
  }

  @Override
  public String toString() {
    return "PaillierPublicKey[" + n.bitLength() + " bits]";
  }
}
