package org.planbok.keys.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/** The body of a raw signature: 32 bytes, and which child of the key signs. */
@Schema(name = "SignDigest", description = "Sign 32 raw bytes with the key or one of its children")
public class SignDigest {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\"), pinKey = Argon2id(PIN, clientSalt): 32 bytes as unpadded base64url",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Pattern(regexp = "[0-9a-fA-F]{64}", message = "64 hex digits: 32 bytes")
  @Schema(
      description =
          "secp256k1: the 32-byte digest signed by ECDSA as is; ed25519: 32 bytes signed as the"
              + " message (RFC 8032 PureEdDSA)",
      example = "9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658")
  private String digest;

  @Size(max = 200, message = "at most 200 characters")
  @Schema(
      description = "secp256k1 only: a non-hardened BIP32 path below the key, e.g. m/44/60/0/0/0",
      example = "m/44/60/0/0/0")
  private String path;

  @Min(value = 0, message = "0 to 2147483647")
  @Max(value = Integer.MAX_VALUE, message = "0 to 2147483647")
  @Schema(description = "ed25519 only: the child index below the key", example = "0")
  private Long index;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Long getIndex() {
    return index;
  }

  public void setIndex(Long index) {
    this.index = index;
  }
}
