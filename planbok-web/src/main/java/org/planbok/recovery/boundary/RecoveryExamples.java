package org.planbok.recovery.boundary;

/** Example bodies of the recovery API for the OpenAPI document. */
final class RecoveryExamples {
  private RecoveryExamples() {}

  static final String PROBLEM = "application/problem+json";
  static final String SECRET = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK";
  static final String NEW_SECRET = "Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gKq3VnN0";
  static final String ANSWERS = "aN5w3rS0fTh3cUst0m3rD3r1v3d0nTh3D3v1c3xyzAB";
  static final String KIT = "Kq3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3g";

  static final String PIN = "{\"encryptedSecret\": \"" + SECRET + "\"}";

  static final String CATALOGUE =
      "{\"items\": [{\"id\": \"first-pet\", \"text\": \"What was the name of your first"
          + " pet?\"}, {\"id\": \"first-car\", \"text\": \"What was the make and model of your"
          + " first car?\"}]}";

  static final String STATUS =
      "{\"recoverySalt\": \"Xq2-7wAAAAAAAAAAAAAAAA\", \"kdf\": {\"algorithm\": \"argon2id\","
          + " \"version\": 19, \"memoryKiB\": 19456, \"iterations\": 2, \"parallelism\": 1,"
          + " \"length\": 32}, \"questions\": {\"state\": \"SET\", \"items\": [{\"id\":"
          + " \"first-pet\", \"text\": \"What was the name of your first pet?\"}, {\"id\": null,"
          + " \"text\": \"Which café did we meet in?\"}, {\"id\": \"first-car\", \"text\": \"What"
          + " was the make and model of your first car?\"}]}, \"email\": {\"state\": \"SET\","
          + " \"available\": true, \"recovery\": null}, \"lastRecovery\": null}";

  static final String SET_UP_QUESTIONS =
      "{\"encryptedSecret\": \""
          + SECRET
          + "\", \"questions\": [{\"id\": \"first-pet\"}, {\"text\": \"Which café did we meet"
          + " in?\"}, {\"id\": \"first-car\"}], \"answersSecret\": \""
          + ANSWERS
          + "\"}";

  static final String RECOVER_WITH_ANSWERS =
      "{\"answersSecret\": \"" + ANSWERS + "\", \"newEncryptedSecret\": \"" + NEW_SECRET + "\"}";

  static final String RECOVERED =
      "{\"method\": \"questions\", \"recoveredAt\": \"2026-11-24T06:41:21.123456Z\","
          + " \"keysRefreshed\": [\"5b0f3c1e-…\", \"9e2a…\"], \"keysSkipped\": [], \"emailKit\":"
          + " \"SENT\", \"finished\": true}";

  static final String CODE_SENT =
      "{\"sentTo\": \"a***@example.com\", \"expiresAt\": \"2026-11-22T06:51:21.123456Z\"}";

  static final String CONFIRM = "{\"code\": \"042917\", \"recoveryKit\": \"" + KIT + "\"}";

  static final String WAITING =
      "{\"state\": \"WAITING\", \"startedAt\": \"2026-11-22T06:45:02.5Z\", \"maturesAt\":"
          + " \"2026-11-24T06:45:02.5Z\"}";

  static final String COMPLETE =
      "{\"recoveryKit\": \"" + KIT + "\", \"newEncryptedSecret\": \"" + NEW_SECRET + "\"}";

  static final String RECOVERY_WAITING =
      "{\"type\": \"https://planbok.org/problems/recovery-waiting\", \"title\": \"Recovery"
          + " waiting\", \"status\": 409, \"detail\": \"The recovery can complete after"
          + " 2026-11-24T06:45:02.500Z, unless a PIN holder cancels it before then.\","
          + " \"maturesAt\": \"2026-11-24T06:45:02.500Z\", \"retryAfterSeconds\": 172741}";
}
