package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.Sha256Hash;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.web3j.crypto.Sign;

/**
 * Checks a two-party signature the way outsiders will: BouncyCastle's single-party verifier with
 * the key recovered from (r, s, v), web3j's ecrecover and bitcoinj's verifier.
 */
final class IndependentVerifiers {
  private IndependentVerifiers() {}

  static void assertValid(EcdsaSignature sig, ECPoint expectedKey, byte[] digest) {
    assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "low-S");
    assertBouncyCastle(sig, expectedKey, digest);
    assertWeb3j(sig, expectedKey, digest);
    assertBitcoinj(sig, expectedKey, digest);
  }

  private static void assertBouncyCastle(EcdsaSignature sig, ECPoint key, byte[] digest) {
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(key, Secp256k1.DOMAIN));
    assertTrue(verifier.verifySignature(digest, sig.r(), sig.s()), "BouncyCastle verifies");
    assertEquals(key, sig.recoverPublicKey(digest), "recovered key is Q + tG");
  }

  private static void assertWeb3j(EcdsaSignature sig, ECPoint key, byte[] digest) {
    byte[] uncompressed = key.getEncoded(false);
    BigInteger expected = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 65));
    BigInteger recovered =
        Sign.recoverFromSignature(
            sig.recoveryId(), new org.web3j.crypto.ECDSASignature(sig.r(), sig.s()), digest);
    assertEquals(expected, recovered, "web3j recoverFromSignature");
    if (sig.recoveryId() < 2) {
      byte[] r = Secp256k1.scalarBytes(sig.r());
      byte[] s = Secp256k1.scalarBytes(sig.s());
      Sign.SignatureData data = new Sign.SignatureData((byte) (27 + sig.recoveryId()), r, s);
      try {
        assertEquals(expected, Sign.signedMessageHashToKey(digest, data), "web3j ecrecover");
      } catch (SignatureException e) {
        throw new AssertionError("web3j rejects the signature", e);
      }
    }
  }

  private static void assertBitcoinj(EcdsaSignature sig, ECPoint key, byte[] digest) {
    ECKey.ECDSASignature btc = new ECKey.ECDSASignature(sig.r(), sig.s());
    assertTrue(btc.isCanonical(), "bitcoinj: canonical low-S");
    assertTrue(ECKey.verify(digest, btc, key.getEncoded(true)), "bitcoinj verifies");
    ECKey recovered =
        ECKey.recoverFromSignature(sig.recoveryId(), btc, Sha256Hash.wrap(digest), true);
    assertArrayEquals(key.getEncoded(true), recovered.getPubKey(), "bitcoinj recovers");
  }
}
