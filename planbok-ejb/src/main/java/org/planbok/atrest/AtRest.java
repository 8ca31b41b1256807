package org.planbok.atrest;

/**
 * One use of the database key. Each gets its own HKDF-derived key (the label is the HKDF info), so
 * a value made for one use never verifies or opens as another.
 */
public enum AtRest {
  /** Idempotency fingerprints of requests. */
  IDEMPOTENCY("planbok/node1/at-rest/idempotency/v1"),
  /** Verifiers of the one-time recovery codes Node 1 mails. */
  RECOVERY_CODE("planbok/node1/at-rest/recovery-code/v1"),
  /** The pepper of console passwords, applied before Argon2id. */
  CONSOLE_PASSWORD("planbok/node1/at-rest/console-password/v1"),
  /** Sealing of joint chain codes (AES-256-GCM). */
  CHAIN_CODE("planbok/node1/at-rest/chain-code/v1"),
  /** Sealing of webhook endpoints' signing secrets (AES-256-GCM). */
  WEBHOOK_SECRET("planbok/node1/at-rest/webhook-secret/v1");

  private final String label;

  AtRest(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
