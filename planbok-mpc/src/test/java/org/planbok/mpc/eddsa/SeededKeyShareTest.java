package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A key share made from a joint seed carries its seed share through its blob and through refresh:
 * s1 ⊕ s2 stays the seed whose clamped SHA-512 is the key, while each seed share changes.
 */
class SeededKeyShareTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final org.planbok.mpc.group.Ed25519 G = org.planbok.mpc.group.Ed25519.INSTANCE;

  /** Shares of the key of {@code seed}, split as the two-party seed key generation leaves them. */
  static EddsaRun.Keys seeded(byte[] seed) throws Exception {
    BigInteger a = clampedScalar(seed).mod(G.order());
    BigInteger a1 = G.randomScalar(RANDOM);
    BigInteger a2 = a.subtract(a1).mod(G.order());
    byte[] s1 = new byte[32];
    RANDOM.nextBytes(s1);
    byte[] s2 = xor(seed, s1);
    byte[] cc = new byte[32];
    RANDOM.nextBytes(cc);
    EdPoint a1Point = G.multiplyGenerator(a1);
    EdPoint a2Point = G.multiplyGenerator(a2);
    return new EddsaRun.Keys(
        new EddsaKeyShare(Party.P1, a1, a2Point, cc, nonceKey(), s1),
        new EddsaKeyShare(Party.P2, a2, a1Point, cc, nonceKey(), s2));
  }

  @Test
  void aSeededShareSurvivesItsBlobAndAnOldBlobStillReads() throws Exception {
    byte[] seed = random32();
    EddsaRun.Keys keys = seeded(seed);
    byte[] blob = keys.p1().toBytes();
    assertEquals(EddsaKeyShare.SEEDED_VERSION, blob[0]);
    EddsaKeyShare back = EddsaKeyShare.fromBytes(blob);
    assertTrue(back.hasSeedShare());
    assertArrayEquals(keys.p1().seedShare(), back.seedShare());
    assertFalse(back.toString().contains(hex(back.seedShare())));

    EddsaKeyShare unseeded = EddsaRun.keyGen(RANDOM).p1();
    assertEquals(EddsaKeyShare.VERSION, unseeded.toBytes()[0]);
    assertFalse(EddsaKeyShare.fromBytes(unseeded.toBytes()).hasSeedShare());
    assertThrows(IllegalStateException.class, unseeded::seedShare);
  }

  @Test
  void rejectsABlobWhoseVersionAndSeedDisagree() throws Exception {
    byte[] blob = seeded(random32()).p1().toBytes();
    blob[0] = EddsaKeyShare.VERSION;
    assertThrows(ProtocolAbort.class, () -> EddsaKeyShare.fromBytes(blob));
    byte[] shortBlob = EddsaRun.keyGen(RANDOM).p1().toBytes();
    shortBlob[0] = EddsaKeyShare.SEEDED_VERSION;
    assertThrows(ProtocolAbort.class, () -> EddsaKeyShare.fromBytes(shortBlob));
  }

  @Test
  void refreshKeepsTheSeedAndChangesBothSeedShares() throws Exception {
    byte[] seed = random32();
    EddsaRun.Keys old = seeded(seed);
    EddsaRun.Keys fresh = EddsaRun.refresh(old, RANDOM);
    assertArrayEquals(seed, xor(fresh.p1().seedShare(), fresh.p2().seedShare()));
    assertFalse(Arrays.equals(old.p1().seedShare(), fresh.p1().seedShare()));
    assertFalse(Arrays.equals(old.p2().seedShare(), fresh.p2().seedShare()));
    // The key is still the one an ordinary wallet derives from the seed.
    byte[] expected = new byte[32];
    Ed25519.generatePublicKey(seed, 0, expected, 0);
    assertArrayEquals(expected, G.encode(fresh.p1().publicKey()));
  }

  static BigInteger clampedScalar(byte[] seed) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
    byte[] a = Arrays.copyOf(h, 32);
    a[0] &= (byte) 248; // RFC 8032 §5.1.5 step 2
    a[31] &= 127;
    a[31] |= 64;
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = a[31 - i];
    }
    return new BigInteger(1, be);
  }

  private static byte[] nonceKey() {
    return random32();
  }

  private static byte[] random32() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return b;
  }

  static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
