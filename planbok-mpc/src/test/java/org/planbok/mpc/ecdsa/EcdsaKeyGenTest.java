package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;

/** Keygen end to end: consistent shares, blob sizes, and keys that sign. */
class EcdsaKeyGenTest {
  private static final byte[] KEY_ID = "wallet-key-1".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1 group = Secp256k1.INSTANCE;

  @Test
  void keygenGivesConsistentShares() {
    EcdsaRun.Keys keys = EcdsaRun.keygen(KEY_ID, TestKeys.paillier(0), random);
    EcdsaP1KeyShare a = keys.p1();
    EcdsaP2KeyShare b = keys.p2();
    assertEquals(a.publicKey(), b.publicKey());
    assertEquals(a.publicKey(), group.add(b.publicShareA(), b.publicShareB()));
    assertEquals(a.publicShareA(), b.publicShareA());
    assertArrayEquals(a.chainCode(), b.chainCode());
    assertEquals(a.cKey(), b.cKey());
    assertEquals(a.xA(), a.paillierKey().decrypt(b.cKey()));
    ECPoint joint = group.multiplyGenerator(a.xA().add(b.xB()));
    assertEquals(joint, a.publicKey());
  }

  @Test
  void twentyKeygensSignFiftyTimesEach() {
    for (int k = 0; k < 20; k++) {
      EcdsaRun.Keys keys = EcdsaRun.keygen(KEY_ID, TestKeys.paillier(k), random);
      Supplier<BigInteger> masks = TestKeys.cheapMasks(keys.p2().paillierKey(), random);
      for (int i = 0; i < 50; i++) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        BigInteger tweak = i % 2 == 0 ? BigInteger.ZERO : group.randomScalar(random);
        SignRequest request = new SignRequest(KEY_ID, digest, tweak);
        EcdsaSignature sig =
            EcdsaRun.signature(EcdsaRun.sign(keys.p1(), keys.p2(), request, random, masks));
        IndependentVerifiers.assertValid(sig, request.signingKey(keys.p1().publicKey()), digest);
      }
    }
  }

  @Test
  void keyShareBlobsAreSmall() {
    EcdsaRun.Keys keys = EcdsaRun.keygen(KEY_ID, TestKeys.paillier(1), random);
    int p2 = keys.p2().toBytes().length;
    int p1 = keys.p1().toBytes().length;
    System.out.printf(
        "ECDSA key share blobs: P2 (Node 1) %d bytes, P1 (Node 2) %d bytes%n", p2, p1);
    assertTrue(p2 < 4096, "P2 blob " + p2);
    assertTrue(p1 < 4096, "P1 blob " + p1);
  }
}
