package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.transcript.Transcript;

/**
 * What both parties agreed to sign, each from its own source (Node 2 from its authorization
 * ticket): the caller's key id, the 32-byte digest and the BIP32 tweak {@code t} so that the
 * signing key is {@code x + t}. Every proof of the session binds it, so parties that disagree abort
 * before any decryption.
 */
public record SignRequest(byte[] keyId, byte[] digest, BigInteger tweak) {
  public static final int DIGEST_BYTES = 32;
  public static final int MAX_KEY_ID_BYTES = 64;

  public SignRequest {
    if (keyId == null || keyId.length == 0 || keyId.length > MAX_KEY_ID_BYTES) {
      throw new IllegalArgumentException("key id must be 1 to 64 bytes");
    }
    if (digest == null || digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException("digest must be 32 bytes");
    }
    Codec.GROUP.requireScalar(tweak, "tweak");
    keyId = keyId.clone();
    digest = digest.clone();
  }

  /** Signs with the root key itself (tweak zero). */
  public static SignRequest untweaked(byte[] keyId, byte[] digest) {
    return new SignRequest(keyId, digest, BigInteger.ZERO);
  }

  @Override
  public byte[] keyId() {
    return keyId.clone();
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  /** The digest as the integer e of SEC 1 §4.1.3 step 5, reduced mod n. */
  BigInteger e() {
    return new BigInteger(1, digest).mod(Secp256k1.N);
  }

  /** {@code Q + t·G}: the key the signature must verify under. */
  ECPoint signingKey(ECPoint jointKey) {
    ECPoint key =
        tweak.signum() == 0
            ? jointKey
            : Codec.GROUP.add(jointKey, Codec.GROUP.multiplyGenerator(tweak));
    if (key.isInfinity()) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "tweak cancels the key");
    }
    return key;
  }

  /**
   * The aux bytes every proof of the session binds: the request, the joint key and the share epoch
   * ({@code N}, {@code c_key}), so that shares from before and after a refresh abort at the first
   * proof instead of reaching a decryption.
   */
  byte[] aux(ECPoint jointKey, PaillierPublicKey paillierKey, BigInteger cKey) {
    return Transcript.start("ecdsa2p/sign")
        .append("keyId", keyId)
        .append("Q", Codec.GROUP.encode(jointKey))
        .append("N", paillierKey.modulus())
        .append("cKey", cKey)
        .append("m", digest)
        .append("t", Secp256k1.scalarBytes(tweak))
        .digest();
  }

  @Override
  public String toString() {
    return "SignRequest[" + org.bouncycastle.util.encoders.Hex.toHexString(digest) + "]";
  }
}
