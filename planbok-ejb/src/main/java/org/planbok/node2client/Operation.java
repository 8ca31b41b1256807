package org.planbok.node2client;

/** What a protocol session or a ticket is for; mirrors the contract's {@code Operation}. */
public enum Operation {
  KEYGEN,
  SIGN,
  REFRESH,
  EXPORT,
  /** Only in tickets: replace or remove an enrolled secret. */
  ENROLL,
  /** Only in tickets: cancel waiting recoveries of a delayed secret (the emailed kit). */
  CANCEL_RECOVERY
}
