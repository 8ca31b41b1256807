package org.planbok.mpc.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;

class Ed25519DerivationTest {
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  private final SecureRandom random = new SecureRandom();
  private final Ed25519 g = Ed25519.INSTANCE;

  @Test
  void tweakIsTheDocumentedHashOfLabelKeyChainCodeAndIndex() throws Exception {
    BigInteger a = g.randomScalar(random);
    EdPoint key = g.multiplyGenerator(a);
    byte[] cc = new byte[32];
    random.nextBytes(cc);
    Ed25519Derivation d = new Ed25519Derivation(key, cc);
    for (int index : new int[] {0, 1, 44, 0x7fffffff, -1}) {
      byte[] input =
          ByteBuffer.allocate(90)
              .put("planbok/ed25519/derive".getBytes(StandardCharsets.US_ASCII))
              .put(key.encode())
              .put(cc)
              .putInt(index)
              .array();
      byte[] h = MessageDigest.getInstance("SHA-512").digest(input);
      byte[] be = new byte[64];
      for (int i = 0; i < 64; i++) be[i] = h[63 - i];
      assertEquals(new BigInteger(1, be).mod(Ed25519.L), d.tweak(index));
    }
    assertNotEquals(d.tweak(1), d.tweak(2));
  }

  @Test
  void childKeyMatchesChildScalarUnderBouncyCastlesCurve25519() {
    // Independent of our Edwards arithmetic: map A_i to its Montgomery u = (1+y)/(1−y) and compare
    // with (a + t_i)·G on BouncyCastle's short-Weierstrass Curve25519, whose x is u + 486662/3.
    X9ECParameters curve = CustomNamedCurves.getByName("curve25519");
    BigInteger shift = BigInteger.valueOf(486662).multiply(BigInteger.valueOf(3).modInverse(P));
    for (int i = 0; i < 20; i++) {
      BigInteger a = g.randomScalar(random);
      byte[] cc = new byte[32];
      random.nextBytes(cc);
      Ed25519Derivation d = new Ed25519Derivation(g.multiplyGenerator(a), cc);
      int index = random.nextInt();
      BigInteger child = a.add(d.tweak(index)).mod(Ed25519.L);
      ECPoint expected = curve.getG().multiply(child).normalize();
      BigInteger u = montgomeryU(d.childPublicKey(index).encode());
      assertEquals(expected.getAffineXCoord().toBigInteger(), u.add(shift).mod(P));
      assertTrue(
          org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(
              d.childPublicKey(index).encode(), 0));
    }
  }

  private static BigInteger montgomeryU(byte[] encoded) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) be[i] = encoded[31 - i];
    be[0] &= 0x7f;
    BigInteger y = new BigInteger(1, be);
    return BigInteger.ONE.add(y).multiply(BigInteger.ONE.subtract(y).mod(P).modInverse(P)).mod(P);
  }
}
