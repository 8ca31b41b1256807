package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * The masked export of a seed key at its root: the device, and only the device, rebuilds the seed
 * from the two nodes' parts, and it is the seed from which BouncyCastle derives the key.
 */
class SeedExportTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final EddsaRun.Keys KEYS = SeedKeyGenRun.keyGen(RANDOM);

  @Test
  void theDeviceRebuildsTheSeedThatMakesTheKey() throws Exception {
    SessionId sid = SessionId.random(RANDOM);
    MaskedExport node2 = EddsaKeyExport.maskedSeedRelease(KEYS.p1(), sid, RANDOM);
    ExportMask mask = ExportMask.fromBytes(node2.mask().toBytes());
    byte[] m1 = EddsaKeyExport.node1Part(KEYS.p2(), sid, mask, BigInteger.ZERO);
    byte[] seed1 = EddsaKeyExport.node1SeedPart(KEYS.p2(), sid, mask);

    BigInteger x = MaskedExport.combine(ExportCurve.ED25519, m1, node2.node2Part());
    byte[] seed = SeededKeyShareTest.xor(seed1, node2.node2SeedPart());
    assertEquals(SeededKeyShareTest.clampedScalar(seed).mod(Ed25519.L), x);
    assertArrayEquals(
        new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded(),
        Ed25519.INSTANCE.encode(KEYS.p1().publicKey()));
  }

  @Test
  void whatNode1ReceivesIsIndependentOfNode2sSeedShare() {
    // Node 1 sees μ; with its own s1 that gives it s1 ⊕ μ, never s2 ⊕ μ (sealed to the device).
    SessionId sid = SessionId.random(RANDOM);
    ExportMask one = EddsaKeyExport.maskedSeedRelease(KEYS.p1(), sid, RANDOM).mask();
    ExportMask two = EddsaKeyExport.maskedSeedRelease(KEYS.p1(), sid, RANDOM).mask();
    assertEquals(32, one.seedMask().length);
    assertThrows(AssertionError.class, () -> assertArrayEquals(one.seedMask(), two.seedMask()));
  }

  @Test
  void rejectsASeedPartAgainstAMaskWithoutSeed() {
    SessionId sid = SessionId.random(RANDOM);
    ExportMask plain = EddsaKeyExport.maskedRelease(KEYS.p1(), sid, RANDOM).mask();
    assertThrows(ProtocolAbort.class, () -> EddsaKeyExport.node1SeedPart(KEYS.p2(), sid, plain));
  }

  @Test
  void rejectsASeedMaskForSecp256k1() {
    assertThrows(
        ProtocolAbort.class,
        () ->
            new ExportMask(
                SessionId.random(RANDOM), ExportCurve.SECP256K1, BigInteger.TWO, new byte[32]));
  }
}
