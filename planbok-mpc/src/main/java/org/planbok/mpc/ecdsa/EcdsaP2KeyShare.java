package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Lindell's P2 share, held by Node 1: the scalar {@code xB}, the joint public key {@code Q = QA +
 * QB}, both public shares, the chain code and {@code c_key = Enc_N(xA)} under P1's Paillier key. It
 * holds no Paillier secret: the PIN-wrapped part is the 32 bytes of {@code xB}.
 *
 * <p>The blob is one version byte and the wire fields; {@link #fromBytes} re-validates everything.
 */
public record EcdsaP2KeyShare(
    BigInteger xB,
    ECPoint publicKey,
    ECPoint publicShareA,
    ECPoint publicShareB,
    byte[] chainCode,
    PaillierPublicKey paillierKey,
    BigInteger cKey) {
  public static final int VERSION = 1;

  public EcdsaP2KeyShare {
    Codec.GROUP.requireNonZeroScalar(xB, "xB");
    publicKey = Codec.requirePoint(publicKey, "Q");
    publicShareA = Codec.requirePoint(publicShareA, "QA");
    publicShareB = Codec.requirePoint(publicShareB, "QB");
    chainCode = Codec.requireLength(chainCode, Codec.CHAIN_CODE_BYTES, "chain code");
    if (paillierKey.modulus().bitLength() != PaillierPublicKey.MODULUS_BITS) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier modulus is not 2048 bits");
    }
    paillierKey.requireCiphertext(cKey, "c_key");
    if (!Codec.GROUP.multiplyGenerator(xB).equals(publicShareB)) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "xB does not match QB");
    }
    if (!Codec.GROUP.add(publicShareA, publicShareB).equals(publicKey)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "QA + QB is not Q");
    }
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  public byte[] toBytes() {
    WireWriter out = new WireWriter();
    Codec.writeScalar(out, xB);
    Codec.writePoint(out, publicKey);
    Codec.writePoint(out, publicShareA);
    Codec.writePoint(out, publicShareB);
    out.bytes(chainCode);
    out.integer(paillierKey.modulus());
    out.integer(cKey);
    return Codec.versioned(VERSION, out);
  }

  public static EcdsaP2KeyShare fromBytes(byte[] blob) {
    WireReader in = Codec.readVersioned(blob, VERSION, "ECDSA P2 key share");
    BigInteger xB = Codec.readScalar(in, "xB");
    ECPoint q = Codec.readPoint(in);
    ECPoint qA = Codec.readPoint(in);
    ECPoint qB = Codec.readPoint(in);
    byte[] cc = in.fixedBytes(Codec.CHAIN_CODE_BYTES);
    PaillierPublicKey pk = new PaillierPublicKey(in.integer(PaillierPublicKey.MODULUS_BITS / 8));
    BigInteger cKey = in.integer(Codec.CIPHERTEXT_BYTES);
    in.end();
    return new EcdsaP2KeyShare(xB, q, qA, qB, cc, pk, cKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaP2KeyShare s && Arrays.equals(toBytes(), s.toBytes());
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "EcdsaP2KeyShare[Q=" + Hex.toHexString(Codec.GROUP.encode(publicKey)) + ", redacted]";
  }
}
