package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportAuthorization} and {@link ExportKey} as Node 2 sees them: Node 2 opens the
 * authorization with its X25519 key and the challenge as associated data (BouncyCastle's HPKE, as
 * Node 2 does), and reads exactly the spec's length-prefixed fields.
 */
class ExportAuthorizationTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HPKE HPKE_SUITE =
      new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);

  private final AsymmetricCipherKeyPair node2 = HPKE_SUITE.generatePrivateKey();
  private final byte[] node2Public = HPKE_SUITE.serializePublicKey(node2.getPublic());
  private final ExportKey exportKey =
      ExportKey.pinned(
          Base64.getUrlEncoder().withoutPadding().encodeToString(node2Public),
          sha256Hex(node2Public));
  private final byte[] pinKey = random(32);
  private final byte[] device = DeviceKey.generate().publicKey();
  private final byte[] challenge = random(32);

  @Test
  void node2OpensTheFieldsOfTheSpec() throws Exception {
    String wire =
        ExportAuthorization.seal(
            pinKey, device, Exports.KEY_ID, "m/44/60/0/0/3", challenge, exportKey);
    List<byte[]> fields = fields(open(wire, challenge));
    assertEquals(5, fields.size());
    assertEquals("planbok/export-authorization/v1", utf8(fields.get(0)));
    assertArrayEquals(pinKey, fields.get(1));
    assertArrayEquals(device, fields.get(2));
    assertEquals(Exports.KEY_ID, utf8(fields.get(3)));
    assertEquals("m/44/60/0/0/3", utf8(fields.get(4)));
    // What Node 2 compares with the enrolled secret is the kit's encryptedSecret of this pinKey.
    assertEquals(PinSecret.encryptedSecret(pinKey), PinSecret.encryptedSecret(fields.get(1)));
  }

  @Test
  void wireFormIsEncThenCiphertext() {
    String wire = ExportAuthorization.seal(pinKey, device, "k", "m/0", challenge, exportKey);
    byte[] raw = Base64.getUrlDecoder().decode(wire);
    // enc 32 ‖ plaintext (4+31 + 4+32 + 4+32 + 4+1 + 4+3 = 119) ‖ tag 16
    assertEquals(32 + 119 + 16, raw.length);
    assertTrue(!wire.contains("=") && !wire.contains("+") && !wire.contains("/"));
  }

  @Test
  void knownAnswerWithAFixedEphemeralKey() {
    // RFC 9180 A.1's ephemeral and recipient X25519 keys: the wire is deterministic given them.
    // KNOWN_WIRE was computed by an independent SealBase written in Python over pyca/cryptography
    // (X25519, HMAC-SHA256 HKDF, AES-GCM), not by BouncyCastle.
    HexFormat hex = HexFormat.of();
    AsymmetricCipherKeyPair ephemeral =
        HPKE_SUITE.deserializePrivateKey(
            hex.parseHex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736"),
            hex.parseHex("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431"));
    byte[] recipient =
        hex.parseHex("3948cfe0ad1ddb695d780e59077195da6c56506b207d3b4f0f5f9f7e8ac6f1c5");
    ExportKey key =
        ExportKey.pinned(
            Base64.getUrlEncoder().withoutPadding().encodeToString(recipient),
            sha256Hex(recipient));
    byte[] fixedPin = new byte[32];
    Arrays.fill(fixedPin, (byte) 7);
    byte[] fixedDevice = new byte[32];
    Arrays.fill(fixedDevice, (byte) 9);
    byte[] fixedChallenge = new byte[32];
    Arrays.fill(fixedChallenge, (byte) 1);
    String wire =
        ExportAuthorization.seal(
            fixedPin, fixedDevice, "key-1", "m/44/60/0/0/0", fixedChallenge, key, ephemeral);
    byte[] raw = Base64.getUrlDecoder().decode(wire);
    // enc is the ephemeral public key X25519(skE, 9)
    assertEquals(
        "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
        hex.formatHex(Arrays.copyOf(raw, 32)));
    assertEquals(KNOWN_WIRE, wire);
  }

  static final String KNOWN_WIRE =
      "N_2jVnvb1ijohmjDyNfpfR0SU7bU6m1EwVD3QfG_RDFu05tWVNb3826B8i2AX0SzgfvuZ0Xx-4WXBqvfgKmLWDQgUmgaJpk9NjlDoWUaUcc2YhTUDBfHBs1vqK7iAWZH3QTCVSS8qvcrlawDcZjH-fuSFlN-XPHSLlPO6K6ZIBG99zIvMy9QPlU3NS_S4Nb3YxMAS4wo5daGbK7vL545qYC5Rt9oeu-if5J3OcZyGmsVy0oDQA";

  @Test
  void anotherChallengeDoesNotOpen() {
    String wire = ExportAuthorization.seal(pinKey, device, "k", "m/0", challenge, exportKey);
    assertThrows(InvalidCipherTextException.class, () -> open(wire, random(32)));
  }

  @Test
  void rejectsBadInputBeforeSealing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportAuthorization.seal(random(31), device, "k", "m/0", challenge, exportKey));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportAuthorization.seal(pinKey, random(33), "k", "m/0", challenge, exportKey));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportAuthorization.seal(pinKey, device, "", "m/0", challenge, exportKey));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportAuthorization.seal(pinKey, device, "k", "m/0", random(16), exportKey));
  }

  @Test
  void exportKeyIsPinnedToItsFingerprint() {
    String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(node2Public);
    String fingerprint = sha256Hex(node2Public);
    assertEquals(fingerprint, ExportKey.pinned(b64, fingerprint.toUpperCase()).fingerprint());
    String colons = fingerprint.replaceAll("(..)(?!$)", "$1:");
    assertArrayEquals(node2Public, ExportKey.pinned(b64, colons).publicKey());
    byte[] other = HPKE_SUITE.serializePublicKey(HPKE_SUITE.generatePrivateKey().getPublic());
    SecurityException e =
        assertThrows(
            SecurityException.class,
            () ->
                ExportKey.pinned(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(other), fingerprint));
    assertTrue(e.getMessage().contains("not the pinned"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExportKey.pinned("AAAA", fingerprint));
    assertThrows(IllegalArgumentException.class, () -> ExportKey.pinned("!!", fingerprint));
  }

  private byte[] open(String wire, byte[] aad) throws InvalidCipherTextException {
    byte[] raw = Base64.getUrlDecoder().decode(wire);
    return HPKE_SUITE.open(
        Arrays.copyOf(raw, 32),
        node2,
        "planbok/export-authorization/v1".getBytes(StandardCharsets.UTF_8),
        aad,
        Arrays.copyOfRange(raw, 32, raw.length),
        null,
        null,
        null);
  }

  /** The length-prefixed fields, read as Node 2 reads them. */
  static List<byte[]> fields(byte[] plaintext) {
    ByteBuffer in = ByteBuffer.wrap(plaintext);
    List<byte[]> out = new ArrayList<>();
    while (in.hasRemaining()) {
      byte[] field = new byte[in.getInt()];
      in.get(field);
      out.add(field);
    }
    return out;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
