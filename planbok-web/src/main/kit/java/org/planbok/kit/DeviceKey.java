package org.planbok.kit;

import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * The customer device's X25519 key pair that an export is sealed to (RFC 9180 DHKEM(X25519)). Make
 * a fresh one for each export, send {@link #publicKeyBase64Url()} as {@code devicePublicKey}, open
 * the answer with {@link ExportOpener}, then drop it. The private key never leaves this object.
 */
public final class DeviceKey {
  private final X25519PrivateKeyParameters privateKey;
  private final X25519PublicKeyParameters publicKey;

  private DeviceKey(X25519PrivateKeyParameters privateKey) {
    this.privateKey = privateKey;
    this.publicKey = privateKey.generatePublicKey();
  }

  public static DeviceKey generate() {
    return generate(new SecureRandom());
  }

  public static DeviceKey generate(SecureRandom random) {
    return new DeviceKey(new X25519PrivateKeyParameters(random));
  }

  /** A device key from its 32-byte X25519 private key (RFC 7748), e.g. one kept in a key store. */
  public static DeviceKey fromPrivateKey(byte[] privateKey) {
    if (privateKey.length != X25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an X25519 private key has 32 bytes");
    }
    return new DeviceKey(new X25519PrivateKeyParameters(privateKey));
  }

  /** The 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.getEncoded();
  }

  /**
   * The public key as unpadded base64url (43 characters), the export endpoint's devicePublicKey.
   */
  public String publicKeyBase64Url() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey());
  }

  AsymmetricCipherKeyPair keyPair() {
    return new AsymmetricCipherKeyPair(publicKey, privateKey);
  }

  @Override
  public String toString() {
    return "DeviceKey[public=" + publicKeyBase64Url() + ", private=(redacted)]";
  }
}
