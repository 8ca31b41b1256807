package org.planbok.node2.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TicketDigestTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void aSecp256k1SignatureBindsTheDigestItself() {
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 7);

    assertArrayEquals(digest, TicketDigest.of(Operation.SIGN, Curve.SECP256K1, digest));
  }

  @Test
  void anEd25519SignatureBindsSha256OfTheMessage() {
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        HEX.formatHex(TicketDigest.of(Operation.SIGN, Curve.ED25519, message)));
  }

  @Test
  void anExportBindsSha256OfTheDeviceKeyOnEitherCurve() {
    byte[] deviceKey = new byte[32];
    Arrays.fill(deviceKey, (byte) 1);
    String expected = "72cd6e8422c407fb6d098690f1130b7ded7ec2f7f5e1d30bd9d521f015363793";

    assertEquals(
        expected, HEX.formatHex(TicketDigest.of(Operation.EXPORT, Curve.SECP256K1, deviceKey)));
    assertEquals(
        expected, HEX.formatHex(TicketDigest.of(Operation.EXPORT, Curve.ED25519, deviceKey)));
  }

  @Test
  void theOtherOperationsBindNothing() {
    for (Operation op : Operation.values()) {
      if (!op.bindsDigest()) {
        assertEquals(0, TicketDigest.of(op, Curve.SECP256K1, new byte[32]).length, op.name());
      }
    }
  }
}
