package org.planbok.custody.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * How the client turns a PIN into its {@code pinKey}: Argon2id (RFC 9106, version 0x13) of the
 * PIN's UTF-8 bytes with the customer's {@code clientSalt}, these costs and a 32-byte output; it
 * sends {@code encryptedSecret = HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret")} as unpadded
 * base64url. Fixed for all customers so that clients can hard-code it; the response repeats it so
 * that they can check.
 */
@JsonbPropertyOrder({"algorithm", "version", "memoryKiB", "iterations", "parallelism", "length"})
public record Kdf(
    String algorithm, int version, int memoryKiB, int iterations, int parallelism, int length) {
  public static final Kdf PIN = new Kdf("argon2id", 19, 19456, 2, 1, 32);
}
