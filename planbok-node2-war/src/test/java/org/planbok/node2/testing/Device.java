package org.planbok.node2.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * The customer's device in an export, written from the contract (team EXPORT-SPEC) on
 * BouncyCastle's HPKE directly, not through the servers' code: it holds the PIN key (the output of
 * Argon2id(PIN, salt); random here), sends {@code encryptedSecret = HMAC-SHA256(pinKey,
 * "planbok/v1/encrypted-secret")} as the PIN secret, makes an X25519 device key, seals export
 * authorizations to Node 2's export key and opens Node 2's sealed part.
 */
public final class Device {
  public static final String AUTHORIZATION_INFO = "planbok/export-authorization/v1";
  public static final String NODE2_INFO = "planbok/export/v2/node2";

  private final HPKE hpke =
      new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  private final byte[] pinKey = Node1.random(32);
  private final AsymmetricCipherKeyPair deviceKey = hpke.generatePrivateKey();

  /** What the integrator's backend sees and relays: the PIN secret. */
  public byte[] encryptedSecret() {
    return hmac(pinKey, "planbok/v1/encrypted-secret");
  }

  public byte[] publicKey() {
    return hpke.serializePublicKey(deviceKey.getPublic());
  }

  /** The device's authorization of one export, sealed to Node 2's export key. */
  public byte[] authorize(
      byte[] exportKey, byte[] challenge, byte[] device, String keyId, String path) {
    return sealAuthorization(exportKey, challenge, pinKey, device, keyId, path);
  }

  /** An authorization as anyone could seal it, with a PIN key of their choosing. */
  public static byte[] sealAuthorization(
      byte[] exportKey, byte[] challenge, byte[] pinKey, byte[] device, String keyId, String path) {
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    byte[] plaintext =
        fields(
            AUTHORIZATION_INFO.getBytes(StandardCharsets.UTF_8),
            pinKey,
            device,
            keyId.getBytes(StandardCharsets.UTF_8),
            path.getBytes(StandardCharsets.UTF_8));
    try {
      byte[][] out =
          hpke.seal(
              hpke.deserializePublicKey(exportKey),
              AUTHORIZATION_INFO.getBytes(StandardCharsets.US_ASCII),
              challenge,
              plaintext,
              null,
              null,
              null);
      byte[] wire = Arrays.copyOf(out[1], out[1].length + out[0].length);
      System.arraycopy(out[0], 0, wire, out[1].length, out[0].length);
      return wire;
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Node 2's part m2 = xA + ρ mod n (after checking the version and curve bytes). */
  public BigInteger openNode2Part(byte[] sealed, int curve, String keyId, String path)
      throws InvalidCipherTextException {
    byte[] plaintext =
        hpke.open(
            Arrays.copyOf(sealed, 32),
            deviceKey,
            NODE2_INFO.getBytes(StandardCharsets.US_ASCII),
            (keyId + ":" + path).getBytes(StandardCharsets.UTF_8),
            Arrays.copyOfRange(sealed, 32, sealed.length),
            null,
            null,
            null);
    if (plaintext.length != 34 || plaintext[0] != 1 || plaintext[1] != curve) {
      throw new AssertionError("Node 2's part is not 0x01 ‖ curve ‖ 32 bytes");
    }
    return new BigInteger(1, Arrays.copyOfRange(plaintext, 2, 34));
  }

  static byte[] fields(byte[]... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] v : values) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(v.length).array());
      out.writeBytes(v);
    }
    return out.toByteArray();
  }

  static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
