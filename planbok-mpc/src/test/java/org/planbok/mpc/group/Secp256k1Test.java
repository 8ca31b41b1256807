package org.planbok.mpc.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

class Secp256k1Test {
  private final Secp256k1 group = Secp256k1.INSTANCE;

  @Test
  void encodesAndDecodesRandomPoints() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 50; i++) {
      ECPoint p = group.multiplyGenerator(group.randomScalar(random));
      assertEquals(p, group.decode(group.encode(p)));
    }
  }

  @Test
  void generatorMatchesSec2() {
    assertEquals(
        "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
        HexFormat.of().formatHex(group.encode(group.generator())));
  }

  @Test
  void rejectsUncompressedEncoding() {
    byte[] uncompressed = group.generator().getEncoded(false);
    assertInvalid(uncompressed);
  }

  @Test
  void rejectsXAboveTheFieldPrime() {
    byte[] b = new byte[33];
    b[0] = 2;
    for (int i = 1; i < 33; i++) b[i] = (byte) 0xff;
    assertInvalid(b);
  }

  @Test
  void rejectsXOffTheCurve() {
    // x = 5: 5³ + 7 = 132 is not a square mod p, so no point has this abscissa.
    byte[] b = new byte[33];
    b[0] = 2;
    b[32] = 5;
    assertInvalid(b);
  }

  @Test
  void rejectsIdentityEncoding() {
    assertInvalid(new byte[] {0});
  }

  @Test
  void rejectsScalarAtOrAboveOrder() {
    assertThrows(ProtocolAbort.class, () -> group.requireScalar(Secp256k1.N, "s"));
    assertThrows(ProtocolAbort.class, () -> group.requireScalar(BigInteger.ONE.negate(), "s"));
    assertThrows(ProtocolAbort.class, () -> group.requireNonZeroScalar(BigInteger.ZERO, "s"));
  }

  private void assertInvalid(byte[] encoded) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> group.decode(encoded));
    assertEquals(AbortReason.INVALID_POINT, e.reason());
  }
}
