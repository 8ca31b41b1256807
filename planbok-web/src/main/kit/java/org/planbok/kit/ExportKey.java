package org.planbok.kit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Node 2's X25519 export-authorization key, which a device seals its {@link ExportAuthorization}
 * to. Node 1 serves it ({@code GET /api/v1/system/export-key → {"publicKey", "fingerprint"}}), and
 * so does anyone in between: the kit trusts it only if the SHA-256 of the public key equals the
 * fingerprint the integrator pinned in the app (shown in Planbok's console and docs/api-guide.md),
 * never the fingerprint that came with it.
 */
public final class ExportKey {
  private final byte[] publicKey;

  private ExportKey(byte[] publicKey) {
    this.publicKey = publicKey;
  }

  /**
   * The key of {@code GET /system/export-key} if its SHA-256 is {@code pinnedFingerprint} (64 hex
   * digits, either case; colons and spaces ignored).
   *
   * @throws SecurityException if it is another key
   * @throws IllegalArgumentException if publicKey is not 32 bytes of base64url
   */
  public static ExportKey pinned(String publicKeyBase64Url, String pinnedFingerprint) {
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(publicKeyBase64Url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the export key is not base64url");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException("the export key must be a 32-byte X25519 public key");
    }
    String expected = pinnedFingerprint.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
    String actual = fingerprint(key);
    if (!MessageDigest.isEqual(
        actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new SecurityException(
          "the export key served has fingerprint "
              + actual
              + ", not the pinned "
              + expected
              + ": refusing to seal the PIN's key to it");
    }
    return new ExportKey(key);
  }

  /** Lower-case hex of SHA-256(publicKey), as {@code GET /system/export-key} shows it. */
  public static String fingerprint(byte[] publicKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The 32-byte X25519 public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  public String fingerprint() {
    return fingerprint(publicKey);
  }

  @Override
  public String toString() {
    return "ExportKey[" + fingerprint() + "]";
  }
}
