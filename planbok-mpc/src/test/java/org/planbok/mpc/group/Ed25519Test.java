package org.planbok.mpc.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

class Ed25519Test {
  private static final HexFormat HEX = HexFormat.of();
  private final Ed25519 group = Ed25519.INSTANCE;
  private final SecureRandom random = new SecureRandom();

  record Vector(String name, byte[] secret, byte[] publicKey, byte[] message, byte[] signature) {}

  @Test
  void derivesRfc8032PublicKeysFromTheirSeeds() throws Exception {
    for (Vector v : vectors()) {
      BigInteger a = clampedScalar(sha512(v.secret()));
      assertArrayEquals(v.publicKey(), group.multiplyGenerator(a).encode(), v.name());
    }
  }

  @Test
  void reproducesRfc8032SignaturesWithTheStandardEquation() throws Exception {
    // RFC 8032 §5.1.6 with our own group arithmetic.
    for (Vector v : vectors()) {
      byte[] h = sha512(v.secret());
      BigInteger a = clampedScalar(h);
      BigInteger r = Ed25519.reduce(sha512(Arrays.copyOfRange(h, 32, 64), v.message()));
      byte[] rEnc = group.multiplyGenerator(r).encode();
      BigInteger k = Ed25519.reduce(sha512(rEnc, v.publicKey(), v.message()));
      BigInteger s = r.add(k.multiply(a)).mod(Ed25519.L);
      byte[] sig = concat(rEnc, Ed25519.scalarBytes(s));
      assertArrayEquals(v.signature(), sig, v.name());
    }
  }

  @Test
  void decodesAndReencodesRfc8032PublicKeys() throws Exception {
    for (Vector v : vectors()) {
      assertArrayEquals(v.publicKey(), group.decode(v.publicKey()).encode(), v.name());
    }
  }

  @Test
  void agreesWithBouncyCastleOnRandomSeeds() {
    for (int i = 0; i < 200; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] expected = new byte[32];
      org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, expected, 0);
      EdPoint ours = group.multiplyGenerator(clampedScalar(sha512(seed)));
      assertArrayEquals(expected, ours.encode());
      assertEquals(ours, group.decode(expected));
    }
  }

  @Test
  void variableBaseAgreesWithFixedBase() {
    for (int i = 0; i < 50; i++) {
      BigInteger a = group.randomScalar(random);
      BigInteger b = group.randomScalar(random);
      EdPoint pa = group.multiplyGenerator(a);
      assertEquals(group.multiplyGenerator(a.multiply(b)), group.multiply(pa, b));
      assertEquals(pa, group.multiply(group.generator(), a));
      assertEquals(group.multiplyGenerator(a.add(b)), group.add(pa, group.multiplyGenerator(b)));
      assertEquals(group.multiplyGenerator(Ed25519.L.subtract(a)), group.negate(pa));
      assertTrue(group.isIdentity(group.add(pa, group.negate(pa))));
      assertEquals(group.add(pa, pa), group.multiply(pa, BigInteger.TWO));
    }
  }

  @Test
  void encodingRoundTripsAndEqualityIgnoresCoordinates() {
    for (int i = 0; i < 50; i++) {
      EdPoint p = group.multiplyGenerator(group.randomScalar(random));
      EdPoint q = group.add(group.add(p, group.generator()), group.negate(group.generator()));
      assertEquals(p, q);
      assertEquals(p.hashCode(), q.hashCode());
      assertArrayEquals(p.encode(), group.decode(q.encode()).encode());
    }
  }

  @Test
  void rejectsAllEightSmallOrderPoints() throws Exception {
    List<String> points = lines("small-order-points.txt");
    assertEquals(8, points.stream().distinct().count());
    for (String hex : points) {
      byte[] enc = HEX.parseHex(hex);
      EdPoint p = group.decodeAnyCurvePoint(enc);
      assertTrue(group.isIdentity(group.multiply(p, BigInteger.valueOf(8))), hex);
      assertInvalid(enc);
    }
  }

  @Test
  void rejectsPointsOutsideThePrimeOrderSubgroup() throws Exception {
    for (String hex : lines("small-order-points.txt").subList(1, 8)) {
      EdPoint torsion = group.decodeAnyCurvePoint(HEX.parseHex(hex));
      EdPoint mixed = group.add(group.multiplyGenerator(group.randomScalar(random)), torsion);
      byte[] enc = mixed.encode();
      assertFalse(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(enc, 0));
      assertInvalid(enc);
    }
  }

  @Test
  void rejectsNonCanonicalY() {
    byte[] yIsP = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    byte[] yIsPPlusOne =
        HEX.parseHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    byte[] yIsAllOnes =
        HEX.parseHex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");
    assertInvalid(yIsP);
    assertInvalid(yIsPPlusOne);
    assertInvalid(yIsAllOnes);
    // y = p + 1 would otherwise name the identity (y = 1), a second encoding of one point.
    assertThrows(ProtocolAbort.class, () -> group.decodeAnyCurvePoint(yIsPPlusOne));
  }

  @Test
  void rejectsZeroXWithTheSignBitSet() {
    byte[] negativeZeroIdentity =
        HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000080");
    assertThrows(ProtocolAbort.class, () -> group.decodeAnyCurvePoint(negativeZeroIdentity));
    assertInvalid(negativeZeroIdentity);
  }

  @Test
  void rejectsPointsOffTheCurve() {
    int found = 0;
    for (int y = 2; found < 10; y++) {
      byte[] enc = new byte[32];
      enc[0] = (byte) y;
      if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(enc, 0)) {
        assertInvalid(enc);
        found++;
      }
    }
  }

  @Test
  void rejectsTheIdentityAndWrongLengths() {
    assertInvalid(HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000"));
    assertInvalid(new byte[31]);
    assertInvalid(new byte[33]);
    assertInvalid(null);
  }

  @Test
  void rejectsScalarsNotBelowTheOrder() {
    ProtocolAbort e =
        assertThrows(
            ProtocolAbort.class, () -> Ed25519.scalarFromBytes(littleEndian(Ed25519.L), "s"));
    assertEquals(AbortReason.INVALID_SCALAR, e.reason());
    BigInteger below = Ed25519.L.subtract(BigInteger.ONE);
    assertEquals(below, Ed25519.scalarFromBytes(Ed25519.scalarBytes(below), "s"));
  }

  @Test
  void reducesWideHashesModuloTheOrder() {
    byte[] wide = new byte[64];
    random.nextBytes(wide);
    byte[] be = new byte[64];
    for (int i = 0; i < 64; i++) be[i] = wide[63 - i];
    assertEquals(new BigInteger(1, be).mod(Ed25519.L), Ed25519.reduce(wide));
  }

  private void assertInvalid(byte[] encoded) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> group.decode(encoded));
    assertEquals(AbortReason.INVALID_POINT, e.reason());
  }

  static BigInteger clampedScalar(byte[] h) {
    byte[] s = Arrays.copyOf(h, 32);
    s[0] &= (byte) 248;
    s[31] &= 127;
    s[31] |= 64;
    return Ed25519.reduce(s);
  }

  static byte[] littleEndian(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) out[i] = be[be.length - 1 - i];
    return out;
  }

  static byte[] sha512(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-512");
      for (byte[] p : parts) md.update(p);
      return md.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = Ed25519Test.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }

  private static List<Vector> vectors() throws IOException {
    return lines("rfc8032-ed25519.txt").stream()
        .map(l -> l.split(":", -1))
        .map(
            f ->
                new Vector(
                    f[0],
                    HEX.parseHex(f[1]),
                    HEX.parseHex(f[2]),
                    HEX.parseHex(f[3]),
                    HEX.parseHex(f[4])))
        .toList();
  }
}
