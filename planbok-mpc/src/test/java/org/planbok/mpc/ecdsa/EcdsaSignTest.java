package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;

class EcdsaSignTest {
  private static final byte[] KEY_ID = "key-1".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1 group = Secp256k1.INSTANCE;

  @Test
  void twoThousandRandomSignaturesVerifyEverywhere() {
    for (int k = 0; k < 4; k++) {
      EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(k), random);
      Supplier<BigInteger> masks = TestKeys.cheapMasks(keys.p2().paillierKey(), random);
      for (int i = 0; i < 500; i++) {
        signAndCheck(keys, masks, i % 3 == 0 ? BigInteger.ZERO : group.randomScalar(random));
      }
    }
  }

  @Test
  void signsWithInlineMasks() {
    EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(1), random);
    signAndCheck(keys, null, group.randomScalar(random));
  }

  @Test
  void twoSessionsNeverShareANonce() {
    EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(2), random);
    Supplier<BigInteger> masks = TestKeys.cheapMasks(keys.p2().paillierKey(), random);
    byte[] digest = new byte[32];
    Set<BigInteger> rs = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      SignRequest same = SignRequest.untweaked(KEY_ID, digest);
      EcdsaSignature sig =
          EcdsaRun.signature(EcdsaRun.sign(keys.p1(), keys.p2(), same, random, masks));
      assertTrue(rs.add(sig.r()), "nonce reused");
    }
  }

  private void signAndCheck(EcdsaRun.Keys keys, Supplier<BigInteger> masks, BigInteger tweak) {
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    SignRequest request = new SignRequest(KEY_ID, digest, tweak);
    EcdsaSignature sig =
        EcdsaRun.signature(EcdsaRun.sign(keys.p1(), keys.p2(), request, random, masks));
    ECPoint key = request.signingKey(keys.p1().publicKey());
    IndependentVerifiers.assertValid(sig, key, digest);
    assertEquals(65, sig.rsv().length);
    assertEquals(64, sig.compact().length);
  }
}
