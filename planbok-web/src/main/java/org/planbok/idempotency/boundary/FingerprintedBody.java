package org.planbok.idempotency.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The part of a request body its idempotency fingerprint covers: the JSON object without its
 * top-level secret members (a PIN's or the answers' Argon2id output, a recovery kit or code, a
 * password), written compactly in the order received. A fingerprint is kept for a day; had it
 * covered a secret, a copy of Node 1's database would test PIN guesses against it offline (issue
 * 12). Only top-level members are left out: a member of that name inside signed data (an EIP-712
 * message's {@code code}) is the data itself and stays covered.
 *
 * <p>So a retry that differs only in its secrets is the same request, and gets the first answer,
 * which its caller already has; white space no longer tells two requests apart.
 */
final class FingerprintedBody {
  static final Set<String> SECRET_MEMBERS =
      Set.of(
          "encryptedSecret",
          "newEncryptedSecret",
          "answersSecret",
          "recoveryKit",
          "code",
          "password",
          "currentPassword",
          "newPassword");

  private FingerprintedBody() {}

  static byte[] of(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      value = reader.readValue();
    } catch (JsonException e) {
      // Not JSON (strict input refuses it before this runs): only the keyed MAC covers it.
      return body;
    }
    if (!(value instanceof JsonObject object)) {
      return value.toString().getBytes(StandardCharsets.UTF_8);
    }
    JsonObjectBuilder kept = Json.createObjectBuilder();
    object.forEach(
        (name, member) -> {
          if (!SECRET_MEMBERS.contains(name)) {
            kept.add(name, member);
          }
        });
    return kept.build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
