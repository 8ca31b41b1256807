package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Lindell's P1 share, held by Node 2: the scalar {@code xA}, the Paillier secret key, the joint
 * public key {@code Q = QA + QB}, both public shares, the chain code, {@code c_key = Enc(xA)} as P2
 * holds it, and the freeze flag.
 *
 * <p>A share is {@link #frozen()} once a joint signature failed to verify (BitForge,
 * CVE-2023-33242: every retried abort can leak a bit of {@code xA}); {@link EcdsaSignP1} refuses a
 * frozen share. The flag is part of the blob, so persisting the blob persists the freeze.
 */
public record EcdsaP1KeyShare(
    BigInteger xA,
    PaillierSecretKey paillierKey,
    ECPoint publicKey,
    ECPoint publicShareA,
    ECPoint publicShareB,
    byte[] chainCode,
    BigInteger cKey,
    boolean frozen) {
  public static final int VERSION = 1;
  private static final int PRIME_BYTES = PaillierPublicKey.MODULUS_BITS / 16;
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  public EcdsaP1KeyShare {
    Codec.GROUP.requireNonZeroScalar(xA, "xA");
    publicKey = Codec.requirePoint(publicKey, "Q");
    publicShareA = Codec.requirePoint(publicShareA, "QA");
    publicShareB = Codec.requirePoint(publicShareB, "QB");
    chainCode = Codec.requireLength(chainCode, Codec.CHAIN_CODE_BYTES, "chain code");
    requireBlumModulus(paillierKey);
    paillierKey.publicKey().requireCiphertext(cKey, "c_key");
    if (!Codec.GROUP.multiplyGenerator(xA).equals(publicShareA)) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "xA does not match QA");
    }
    if (!Codec.GROUP.add(publicShareA, publicShareB).equals(publicKey)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "QA + QB is not Q");
    }
  }

  private static void requireBlumModulus(PaillierSecretKey sk) {
    BigInteger p = sk.p();
    BigInteger q = sk.q();
    if (sk.publicKey().modulus().bitLength() != PaillierPublicKey.MODULUS_BITS
        || p.bitLength() != PaillierPublicKey.MODULUS_BITS / 2
        || q.bitLength() != PaillierPublicKey.MODULUS_BITS / 2
        || !p.mod(FOUR).equals(THREE)
        || !q.mod(FOUR).equals(THREE)) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier key is not 2048-bit Blum");
    }
  }

  public PaillierPublicKey paillierPublicKey() {
    return paillierKey.publicKey();
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** The same share, marked frozen: the caller must persist it before anything else. */
  public EcdsaP1KeyShare freeze() {
    return new EcdsaP1KeyShare(
        xA, paillierKey, publicKey, publicShareA, publicShareB, chainCode, cKey, true);
  }

  public byte[] toBytes() {
    WireWriter out = new WireWriter();
    out.integer(frozen ? 1 : 0);
    Codec.writeScalar(out, xA);
    out.integer(paillierKey.p());
    out.integer(paillierKey.q());
    Codec.writePoint(out, publicKey);
    Codec.writePoint(out, publicShareA);
    Codec.writePoint(out, publicShareB);
    out.bytes(chainCode);
    out.integer(cKey);
    return Codec.versioned(VERSION, out);
  }

  public static EcdsaP1KeyShare fromBytes(byte[] blob) {
    WireReader in = Codec.readVersioned(blob, VERSION, "ECDSA P1 key share");
    int frozen = in.smallInt();
    if (frozen > 1) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "freeze flag is not 0 or 1");
    }
    BigInteger xA = Codec.readScalar(in, "xA");
    BigInteger p = in.integer(PRIME_BYTES);
    BigInteger q = in.integer(PRIME_BYTES);
    ECPoint pub = Codec.readPoint(in);
    ECPoint qA = Codec.readPoint(in);
    ECPoint qB = Codec.readPoint(in);
    byte[] cc = in.fixedBytes(Codec.CHAIN_CODE_BYTES);
    BigInteger cKey = in.integer(Codec.CIPHERTEXT_BYTES);
    in.end();
    if (p.equals(q)) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier primes are equal");
    }
    PaillierSecretKey sk;
    try {
      sk = new PaillierSecretKey(p, q);
    } catch (ArithmeticException e) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier primes are not usable");
    }
    return new EcdsaP1KeyShare(xA, sk, pub, qA, qB, cc, cKey, frozen == 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaP1KeyShare s && Arrays.equals(toBytes(), s.toBytes());
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "EcdsaP1KeyShare[Q="
        + Hex.toHexString(Codec.GROUP.encode(publicKey))
        + (frozen ? ", FROZEN" : "")
        + ", redacted]";
  }
}
