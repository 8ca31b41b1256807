package org.planbok.web;

/** Example bodies for the OpenAPI document, kept together so they stay consistent. */
public final class ApiExamples {
  private ApiExamples() {}

  public static final String CUSTOMER_ID = "7c0e6a8e-2f4b-4c1e-9a51-0c5f3d2b9e11";

  public static final String CREATE_CUSTOMER =
      "{\"externalRef\": \"user-4711\", \"email\": \"ada@example.com\"}";

  public static final String CUSTOMER =
      "{\"id\": \""
          + CUSTOMER_ID
          + "\", \"externalRef\": \"user-4711\", \"email\": \"ada@example.com\","
          + " \"status\": \"ACTIVE\", \"createdAt\": \"2026-11-22T06:41:21.123456Z\","
          + " \"updatedAt\": \"2026-11-22T06:41:21.123456Z\"}";

  public static final String DISABLED_CUSTOMER =
      "{\"id\": \""
          + CUSTOMER_ID
          + "\", \"externalRef\": \"user-4711\", \"email\": \"ada@example.com\","
          + " \"status\": \"DISABLED\", \"createdAt\": \"2026-11-22T06:41:21.123456Z\","
          + " \"updatedAt\": \"2026-11-22T07:15:00.000002Z\"}";

  public static final String CUSTOMER_LIST =
      "{\"items\": [" + CUSTOMER + "], \"nextCursor\": \"AQAGRKkqxqTAfA5qji9LTB6aUQxfPSueEQ\"}";

  public static final String CREATE_API_KEY = "{\"label\": \"billing backend\"}";

  public static final String ISSUED_API_KEY =
      "{\"id\": \"0b6f7e1c-5d0a-4a53-8c1e-2f9b7a6d4c3e\","
          + " \"prefix\": \"pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e\", \"label\": \"billing backend\","
          + " \"createdAt\": \"2026-11-22T06:41:21.123456Z\","
          + " \"apiKey\": \"pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e_"
          + "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK\"}";

  public static final String API_KEY =
      "{\"id\": \"0b6f7e1c-5d0a-4a53-8c1e-2f9b7a6d4c3e\","
          + " \"prefix\": \"pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e\", \"label\": \"billing backend\","
          + " \"createdAt\": \"2026-11-22T06:41:21.123456Z\","
          + " \"lastUsedAt\": \"2026-11-22T07:02:10.000001Z\","
          + " \"revokedAt\": \"2026-11-23T09:00:00.000003Z\"}";

  public static final String API_KEY_LIST =
      "{\"items\": [{\"id\": \"0b6f7e1c-5d0a-4a53-8c1e-2f9b7a6d4c3e\","
          + " \"prefix\": \"pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e\", \"label\": \"billing backend\","
          + " \"createdAt\": \"2026-11-22T06:41:21.123456Z\","
          + " \"lastUsedAt\": \"2026-11-22T07:02:10.000001Z\", \"revokedAt\": null}]}";

  public static final String CREATE_ORGANIZATION =
      "{\"name\": \"Acme Payments\", \"firstKeyLabel\": \"initial\"}";

  public static final String NEW_ORGANIZATION =
      "{\"id\": \"5a1d8c9e-3b7f-4e2a-9c6d-1f0e8b7a6c5d\", \"name\": \"Acme Payments\","
          + " \"createdAt\": \"2026-11-22T06:41:21.123456Z\", \"firstApiKey\": "
          + ISSUED_API_KEY
          + "}";

  public static final String INVALID_FIELD =
      "{\"type\": \"https://planbok.org/problems/invalid-field\", \"title\": \"Invalid field\","
          + " \"status\": 400, \"detail\": \"email: must be an email address\", \"field\": \"email\"}";

  public static final String UNAUTHENTICATED =
      "{\"type\": \"https://planbok.org/problems/unauthenticated\", \"title\": \"Unauthenticated\","
          + " \"status\": 401, \"detail\": \"An API key is required: Authorization: Bearer pbk_live_….\"}";

  public static final String NOT_FOUND =
      "{\"type\": \"https://planbok.org/problems/not-found\", \"title\": \"Not found\","
          + " \"status\": 404, \"detail\": \"No customer "
          + CUSTOMER_ID
          + ".\"}";

  public static final String ALREADY_EXISTS =
      "{\"type\": \"https://planbok.org/problems/already-exists\", \"title\": \"Already exists\","
          + " \"status\": 409, \"detail\": \"This organization already has a customer with"
          + " externalRef user-4711.\", \"field\": \"externalRef\"}";

  public static final String KEY_REUSED =
      "{\"type\": \"https://planbok.org/problems/idempotency-key-reused\", \"title\":"
          + " \"Idempotency key reused\", \"status\": 422, \"detail\": \"This Idempotency-Key was"
          + " used for a different request (method, path or body).\", \"field\": \"Idempotency-Key\"}";

  public static final String SECRET = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK";

  public static final String PIN_NOT_SET =
      "{\"state\": \"NOT_SET\", \"clientSalt\": \"3q2-7wAAAAAAAAAAAAAAAA\", \"kdf\":"
          + " {\"algorithm\": \"argon2id\", \"version\": 19, \"memoryKiB\": 19456,"
          + " \"iterations\": 2, \"parallelism\": 1, \"length\": 32}}";

  public static final String PIN_SET =
      "{\"state\": \"SET\", \"clientSalt\": \"3q2-7wAAAAAAAAAAAAAAAA\", \"kdf\":"
          + " {\"algorithm\": \"argon2id\", \"version\": 19, \"memoryKiB\": 19456,"
          + " \"iterations\": 2, \"parallelism\": 1, \"length\": 32}}";

  public static final String PIN_COMMAND = "{\"encryptedSecret\": \"" + SECRET + "\"}";

  public static final String PIN_CHANGE =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"newEncryptedSecret\": \"Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0\"}";

  public static final String WRONG_PIN =
      "{\"type\": \"https://planbok.org/problems/wrong-pin\", \"title\": \"Wrong PIN\","
          + " \"status\": 403, \"detail\": \"The PIN is wrong; 4 attempt(s) left before it"
          + " locks.\", \"field\": \"encryptedSecret\", \"attemptsLeft\": 4}";

  public static final String LOCKED =
      "{\"type\": \"https://planbok.org/problems/locked\", \"title\": \"Locked\","
          + " \"status\": 423, \"detail\": \"The PIN is locked after too many wrong attempts;"
          + " retry after 2026-11-22T06:42:21Z.\", \"lockedUntil\": \"2026-11-22T06:42:21Z\","
          + " \"retryAfterSeconds\": 60}";

  public static final String GENERATE_KEYS =
      "{\"encryptedSecret\": \"" + SECRET + "\", \"curves\": [\"secp256k1\", \"ed25519\"]}";

  public static final String KEY_LIST =
      "{\"items\": [{\"id\": \"5b0f3c1e-8d2a-4e7b-9c61-2a4f0e8d7b13\", \"curve\": \"secp256k1\","
          + " \"publicKey\":"
          + " \"02f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9\","
          + " \"frozen\": false, \"createdAt\": \"2026-11-22T06:41:22.52Z\", \"exportCount\": 0}]}";

  public static final String SIGN_DIGEST =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"digest\":"
          + " \"9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658\","
          + " \"path\": \"m/44/60/0/0/0\"}";

  public static final String SIGNATURE =
      "{\"keyId\": \"5b0f3c1e-8d2a-4e7b-9c61-2a4f0e8d7b13\", \"curve\": \"secp256k1\","
          + " \"publicKey\": \"03a1…\", \"signature\": \"6b8c…(128 hex digits: r ‖ s)\","
          + " \"recoveryId\": 1}";

  public static final String DERIVE_WALLET = "{\"chain\": \"ethereum\", \"index\": 0}";

  public static final String WALLET =
      "{\"id\": \"3f9c1e2a-7b4d-4c8e-9a0f-5e6d7c8b9a01\", \"chain\": \"ethereum\","
          + " \"format\": \"eip55\", \"index\": 0, \"path\": \"m/44/60/0/0/0\","
          + " \"address\": \"0x9858EfFD232B4033E47d90003D41EC34EcaEda94\","
          + " \"publicKey\": \"03…\", \"keyId\": \"5b0f3c1e-8d2a-4e7b-9c61-2a4f0e8d7b13\","
          + " \"createdAt\": \"2026-11-22T06:45:00.1Z\", \"exportCount\": 0}";

  public static final String PERSONAL_SIGN =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"type\": \"personal_sign\", \"message\": \"Sign in to Acme\"}";

  public static final String EVM_TRANSACTION =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"type\": \"transaction\", \"chainId\": 1, \"transaction\":"
          + " \"0x02ef0180843b9aca00850ba43b740082520894…80c0\"}";

  public static final String SIGNED_MESSAGE =
      "{\"type\": \"personal_sign\", \"signature\": \"0x…(130 hex digits)\","
          + " \"digest\": \"0x…\", \"address\": \"0x9858EfFD232B4033E47d90003D41EC34EcaEda94\"}";

  public static final String EXPORT_CHALLENGE =
      "{\"challenge\": \"Vq2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0\","
          + " \"expiresAt\": \"2026-12-05T14:05:00Z\"}";

  public static final String EXPORT_KEY =
      "{\"publicKey\": \"3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\","
          + " \"fingerprint\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}";

  public static final String EXPORT_REQUEST =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"devicePublicKey\": \"8Nj2ee4GQyEm2mI1o6aTZVvLd4Xk7ZxW1ZRh2cM0H3s\","
          + " \"challenge\": \"Vq2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0\","
          + " \"authorization\": \"…(unpadded base64url, from the client kit)\"}";

  public static final String EXPORT =
      "{\"walletId\": \"3f9c1e2a-7b4d-4c8e-9a0f-5e6d7c8b9a01\", \"chain\": \"ethereum\","
          + " \"address\": \"0x9858EfFD232B4033E47d90003D41EC34EcaEda94\", \"format\": \"hex\","
          + " \"hpke\": {\"suite\": \"DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM\","
          + " \"kem\": 32, \"kdf\": 1, \"aead\": 2, \"info\": \"planbok/export/v2/node1\","
          + " \"aad\": \"3f9c1e2a-7b4d-4c8e-9a0f-5e6d7c8b9a01\", \"enc\": \"…\","
          + " \"ciphertext\": \"…\"}, \"node2Hpke\": {\"suite\": \"DHKEM(X25519, HKDF-SHA256),"
          + " HKDF-SHA256, AES-256-GCM\", \"kem\": 32, \"kdf\": 1, \"aead\": 2,"
          + " \"info\": \"planbok/export/v2/node2\","
          + " \"aad\": \"5b0f2c1d-…:m/44/60/0/0/0\", \"enc\": \"…\", \"ciphertext\": \"…\"}}";
}
