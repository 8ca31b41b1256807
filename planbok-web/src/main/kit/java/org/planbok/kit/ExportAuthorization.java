package org.planbok.kit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;

/**
 * The device's authorization of one export (issue 12 item 4): only a holder of the PIN can name the
 * device key an export is sealed to. The device seals, to Node 2's {@link ExportKey}, its pinKey
 * (which the integrator's backend never sees: it relays only the encryptedSecret, a one-way
 * function of it), the device public key, and the wallet's key id and derivation path, with a
 * single-use challenge Node 2 minted as associated data. Node 2 opens it, checks that the pinKey's
 * HMAC is the enrolled secret and that the rest is what the export asks for, and uses the challenge
 * up.
 *
 * <p>RFC 9180 single-shot base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, {@code
 * info = "planbok/export-authorization/v1"}, {@code aad = challenge}; plaintext = for each of
 * [label, pinKey, devicePublicKey, keyId, path]: 4-byte big-endian length ‖ bytes (strings in
 * UTF-8). Wire form: {@code base64url(enc ‖ ciphertext)}, unpadded.
 */
public final class ExportAuthorization {
  public static final String INFO = "planbok/export-authorization/v1";

  private ExportAuthorization() {}

  /** The {@code authorization} field of an export request. */
  public static String seal(
      byte[] pinKey,
      byte[] devicePublicKey,
      String keyId,
      String path,
      byte[] challenge,
      ExportKey node2ExportKey) {
    return seal(
        pinKey,
        devicePublicKey,
        keyId,
        path,
        challenge,
        node2ExportKey,
        (AsymmetricCipherKeyPair) null);
  }

  /**
   * As above with the HPKE ephemeral key pair given, for known-answer tests; null draws a fresh
   * one, as every real authorization must.
   */
  static String seal(
      byte[] pinKey,
      byte[] devicePublicKey,
      String keyId,
      String path,
      byte[] challenge,
      ExportKey node2ExportKey,
      AsymmetricCipherKeyPair ephemeral) {
    if (challenge.length != 32) {
      throw new IllegalArgumentException("an export challenge has 32 bytes");
    }
    byte[] plaintext = plaintext(pinKey, devicePublicKey, keyId, path);
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    try {
      // RFC 9180 §6.1 SealBase(pkR, info, aad, pt) = SetupBaseS then ContextS.Seal, seq 0
      HPKEContextWithEncapsulation context =
          ephemeral == null
              ? hpke.setupBaseS(
                  hpke.deserializePublicKey(node2ExportKey.publicKey()),
                  INFO.getBytes(StandardCharsets.US_ASCII))
              : hpke.setupBaseS(
                  hpke.deserializePublicKey(node2ExportKey.publicKey()),
                  INFO.getBytes(StandardCharsets.US_ASCII),
                  ephemeral);
      byte[][] sealed = {context.seal(challenge, plaintext), context.getEncapsulation()};
      byte[] wire = new byte[sealed[1].length + sealed[0].length];
      System.arraycopy(sealed[1], 0, wire, 0, sealed[1].length);
      System.arraycopy(sealed[0], 0, wire, sealed[1].length, sealed[0].length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(wire);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE sealing failed", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The length-prefixed plaintext; the caller zeroes it (it holds the pinKey). */
  static byte[] plaintext(byte[] pinKey, byte[] devicePublicKey, String keyId, String path) {
    if (pinKey.length != PinSecret.LENGTH) {
      throw new IllegalArgumentException("a pinKey has 32 bytes");
    }
    if (devicePublicKey.length != 32) {
      throw new IllegalArgumentException("a device public key has 32 bytes");
    }
    if (keyId.isEmpty() || path.isEmpty()) {
      throw new IllegalArgumentException("keyId and path are the wallet's, never empty");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    field(out, INFO.getBytes(StandardCharsets.US_ASCII));
    field(out, pinKey);
    field(out, devicePublicKey);
    field(out, keyId.getBytes(StandardCharsets.UTF_8));
    field(out, path.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
