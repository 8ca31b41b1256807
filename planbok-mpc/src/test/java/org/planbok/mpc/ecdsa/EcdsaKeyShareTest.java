package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.planbok.mpc.ecdsa.EcdsaSignRejectionTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;

/** Key-share blobs: versioned, canonical, re-validated on load, redacted when printed. */
class EcdsaKeyShareTest {
  private final SecureRandom random = new SecureRandom();
  private final EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(1), random);
  private final Secp256k1 group = Secp256k1.INSTANCE;

  @Test
  void blobsRoundTrip() {
    assertEquals(keys.p1(), EcdsaP1KeyShare.fromBytes(keys.p1().toBytes()));
    assertEquals(keys.p2(), EcdsaP2KeyShare.fromBytes(keys.p2().toBytes()));
    assertEquals(EcdsaP2KeyShare.VERSION, keys.p2().toBytes()[0]);
    assertEquals(EcdsaP1KeyShare.VERSION, keys.p1().toBytes()[0]);
  }

  @Test
  void toStringShowsNoSecret() {
    String p1 = keys.p1().toString();
    String p2 = keys.p2().toString();
    assertFalse(p1.contains(keys.p1().xA().toString(16)));
    assertFalse(p1.contains(keys.p1().paillierKey().p().toString(16)));
    assertFalse(p2.contains(keys.p2().xB().toString(16)));
    assertFalse(p2.contains(keys.p2().xB().toString()));
  }

  @Test
  void rejectsUnknownVersion() {
    byte[] blob = keys.p2().toBytes();
    blob[0] = 2;
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> EcdsaP2KeyShare.fromBytes(blob));
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] blob = Arrays.copyOf(keys.p1().toBytes(), keys.p1().toBytes().length + 1);
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> EcdsaP1KeyShare.fromBytes(blob));
  }

  @Test
  void rejectsPublicSharesThatDoNotSumToQ() {
    EcdsaP2KeyShare b = keys.p2();
    assertAbort(
        AbortReason.INVALID_POINT,
        () ->
            new EcdsaP2KeyShare(
                b.xB(),
                group.generator(),
                b.publicShareA(),
                b.publicShareB(),
                b.chainCode(),
                b.paillierKey(),
                b.cKey()));
  }

  @Test
  void rejectsScalarThatDoesNotMatchItsPublicShare() {
    EcdsaP2KeyShare b = keys.p2();
    assertAbort(
        AbortReason.INVALID_SCALAR,
        () ->
            new EcdsaP2KeyShare(
                b.xB().add(BigInteger.ONE),
                b.publicKey(),
                b.publicShareA(),
                b.publicShareB(),
                b.chainCode(),
                b.paillierKey(),
                b.cKey()));
  }

  @Test
  void rejectsScalarNotBelowTheOrder() {
    byte[] blob = keys.p2().toBytes();
    // version (1) then the xB field: 4-byte length, 32 bytes.
    System.arraycopy(Secp256k1.scalarBytes(Secp256k1.N), 0, blob, 5, 32);
    assertAbort(AbortReason.INVALID_SCALAR, () -> EcdsaP2KeyShare.fromBytes(blob));
  }

  @Test
  void rejectsOffCurvePointInBlob() {
    byte[] blob = keys.p2().toBytes();
    int qAt = 1 + 36 + 4; // after version and the xB field, inside Q's field
    for (int i = 1; ; i++) {
      blob[qAt + 32] ^= (byte) i;
      try {
        EcdsaP2KeyShare.fromBytes(blob);
      } catch (org.planbok.mpc.session.ProtocolAbort e) {
        if (e.reason() == AbortReason.INVALID_POINT) {
          return;
        }
      }
    }
  }

  @Test
  void rejectsModulusThatIsNot2048Bits() {
    EcdsaP2KeyShare b = keys.p2();
    PaillierPublicKey small = new PaillierPublicKey(b.paillierKey().modulus().shiftRight(8));
    assertAbort(
        AbortReason.INVALID_PAILLIER,
        () ->
            new EcdsaP2KeyShare(
                b.xB(),
                b.publicKey(),
                b.publicShareA(),
                b.publicShareB(),
                b.chainCode(),
                small,
                b.cKey()));
  }

  @Test
  void rejectsCKeyNotACiphertext() {
    EcdsaP2KeyShare b = keys.p2();
    assertAbort(
        AbortReason.INVALID_PAILLIER,
        () ->
            new EcdsaP2KeyShare(
                b.xB(),
                b.publicKey(),
                b.publicShareA(),
                b.publicShareB(),
                b.chainCode(),
                b.paillierKey(),
                BigInteger.ZERO));
  }
}
