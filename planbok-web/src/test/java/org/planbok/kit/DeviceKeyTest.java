package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DeviceKeyTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void publicKeyIsX25519OfThePrivateKey() {
    // RFC 7748 §6.1: Alice's private and public key.
    DeviceKey alice =
        DeviceKey.fromPrivateKey(
            HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    assertEquals(
        "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
        HEX.formatHex(alice.publicKey()));
  }

  @Test
  void publicKeyIsSentAsUnpaddedBase64Url() {
    DeviceKey key = DeviceKey.generate();
    String text = key.publicKeyBase64Url();
    assertEquals(43, text.length());
    assertArrayEquals(key.publicKey(), Base64.getUrlDecoder().decode(text));
    assertNotEquals(text, DeviceKey.generate().publicKeyBase64Url());
  }

  @Test
  void toStringShowsNoPrivateKey() {
    byte[] secret = new byte[32];
    secret[0] = 0x42;
    String shown = DeviceKey.fromPrivateKey(secret).toString();
    assertFalse(shown.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
    assertFalse(shown.contains(HEX.formatHex(secret)));
  }

  @Test
  void rejectsPrivateKeyOfWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> DeviceKey.fromPrivateKey(new byte[31]));
  }
}
