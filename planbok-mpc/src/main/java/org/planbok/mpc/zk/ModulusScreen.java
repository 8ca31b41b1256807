package org.planbok.mpc.zk;

import java.math.BigInteger;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * The public checks on a Paillier modulus that need no proof: exactly 2048 bits, odd, no prime
 * factor below α = 2^13 (Goldberg, Reyzin, Sagga, Baldimtsi, <i>Efficient noninteractive
 * certification of RSA moduli and beyond</i>, ASIACRYPT 2019, §3; cb-mpc's ValidPaillier uses the
 * same α), not a perfect power, not prime (CGGMP21 Fig. 16: "the verifier checks N is an odd
 * composite number"). The proofs in {@link PaillierKeyProof} rely on each of these.
 */
final class ModulusScreen {
  /** α: every prime factor of an accepted modulus is at least this. */
  static final int ALPHA = 1 << 13;

  private static final int[] SMALL_PRIMES = sieve(ALPHA);
  private static final int PRIME_CERTAINTY = 64;

  private ModulusScreen() {}

  /** All checks: size, parity, small factors, perfect powers, primality. */
  static void requireAcceptable(BigInteger n) {
    requireCheap(n);
    if (isPerfectPower(n)) {
      throw invalid("modulus is a perfect power");
    }
    if (n.isProbablePrime(PRIME_CERTAINTY)) {
      throw invalid("modulus is prime");
    }
  }

  /** The checks that cost about a millisecond: size, parity, no prime factor below α. */
  static void requireCheap(BigInteger n) {
    if (n.bitLength() != PaillierPublicKey.MODULUS_BITS) {
      throw invalid("modulus is not " + PaillierPublicKey.MODULUS_BITS + " bits");
    }
    if (!n.testBit(0)) {
      throw invalid("modulus is even");
    }
    if (smallestSmallFactor(n) != 0) {
      throw invalid("modulus has a prime factor below " + ALPHA);
    }
  }

  /** The smallest prime factor of n below α, or 0 when there is none. */
  static int smallestSmallFactor(BigInteger n) {
    for (int p : SMALL_PRIMES) {
      if (n.mod(BigInteger.valueOf(p)).signum() == 0) {
        return p;
      }
    }
    return 0;
  }

  /**
   * Whether n = m^k for some k ≥ 2. Only prime k need testing, and since m ≥ α after trial
   * division, k ≤ log_α(n).
   */
  static boolean isPerfectPower(BigInteger n) {
    int maxExponent = n.bitLength() / 13 + 1;
    for (int k : SMALL_PRIMES) {
      if (k > maxExponent) {
        break;
      }
      BigInteger root = integerRoot(n, k);
      if (root.pow(k).equals(n)) {
        return true;
      }
    }
    return false;
  }

  /** ⌊n^(1/k)⌋ by Newton's iteration from an over-estimate. */
  static BigInteger integerRoot(BigInteger n, int k) {
    if (k == 2) {
      return n.sqrt();
    }
    BigInteger kBig = BigInteger.valueOf(k);
    BigInteger x = BigInteger.ONE.shiftLeft(n.bitLength() / k + 1);
    while (true) {
      BigInteger next =
          x.multiply(BigInteger.valueOf(k - 1L)).add(n.divide(x.pow(k - 1))).divide(kBig);
      if (next.compareTo(x) >= 0) {
        return x;
      }
      x = next;
    }
  }

  private static int[] sieve(int bound) {
    boolean[] composite = new boolean[bound];
    int count = 0;
    for (int i = 2; i < bound; i++) {
      if (!composite[i]) {
        count++;
        for (long j = (long) i * i; j < bound; j += i) {
          composite[(int) j] = true;
        }
      }
    }
    int[] primes = new int[count];
    for (int i = 2, k = 0; i < bound; i++) {
      if (!composite[i]) {
        primes[k++] = i;
      }
    }
    return primes;
  }

  private static ProtocolAbort invalid(String detail) {
    return new ProtocolAbort(AbortReason.INVALID_PAILLIER, detail);
  }
}
