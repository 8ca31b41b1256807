package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A secp256k1 ECDSA signature {@code (r, s)} with {@code s ≤ n/2} (BIP 62 low-S) and the recovery
 * id: bit 0 is the parity of {@code R.y}, bit 1 says {@code R.x ≥ n} (SEC 1 §4.1.6).
 */
public record EcdsaSignature(BigInteger r, BigInteger s, int recoveryId) {
  public static final int COMPACT_BYTES = 64;

  public EcdsaSignature {
    Codec.GROUP.requireNonZeroScalar(r, "r");
    Codec.GROUP.requireNonZeroScalar(s, "s");
    if (s.compareTo(Secp256k1.HALF_N) > 0) {
      throw new ProtocolAbort(AbortReason.BAD_SIGNATURE, "s is not low (BIP 62)");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      throw new ProtocolAbort(AbortReason.BAD_SIGNATURE, "recovery id is not in 0..3");
    }
  }

  /** {@code r ‖ s}, 32 bytes each (the form Bitcoin's compact and Solidity's ecrecover split). */
  public byte[] compact() {
    return Codec.concat(Secp256k1.scalarBytes(r), Secp256k1.scalarBytes(s));
  }

  /**
   * {@code r ‖ s ‖ v} with {@code v} the raw recovery id (0–3). Ethereum's {@code personal_sign}
   * adds 27 and EIP-155 transactions add {@code 35 + 2·chainId}; the chain layer does that.
   */
  public byte[] rsv() {
    return Codec.concat(compact(), new byte[] {(byte) recoveryId});
  }

  /** Verifies with BouncyCastle's single-party ECDSA verifier (SEC 1 §4.1.4). */
  public boolean verifies(ECPoint publicKey, byte[] digest) {
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(publicKey, Secp256k1.DOMAIN));
    return verifier.verifySignature(digest, r, s);
  }

  /**
   * SEC 1 §4.1.6 public key recovery: {@code Q = r⁻¹(s·R − e·G)} with R rebuilt from r and the
   * recovery id. Returns null when the recovery id names no curve point.
   */
  public ECPoint recoverPublicKey(byte[] digest) {
    BigInteger n = Secp256k1.N;
    BigInteger x = r.add(n.multiply(BigInteger.valueOf(recoveryId >> 1)));
    byte[] encoded = new byte[33];
    encoded[0] = (byte) (2 + (recoveryId & 1));
    byte[] xb = x.toByteArray();
    if (x.bitLength() > 256) {
      return null;
    }
    int len = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - len, encoded, 33 - len, len);
    ECPoint point;
    try {
      point = Codec.GROUP.decode(encoded);
    } catch (ProtocolAbort e) {
      return null;
    }
    BigInteger e = new BigInteger(1, digest);
    BigInteger rInv = r.modInverse(n);
    ECPoint sR = point.multiply(s.multiply(rInv).mod(n));
    ECPoint eG = Codec.GROUP.multiplyGenerator(e.multiply(rInv).negate().mod(n));
    ECPoint q = sR.add(eG).normalize();
    return q.isInfinity() ? null : q;
  }

  @Override
  public String toString() {
    return "EcdsaSignature[r="
        + r.toString(16)
        + ", s="
        + s.toString(16)
        + ", v="
        + recoveryId
        + "]";
  }
}
