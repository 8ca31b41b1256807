package org.planbok.mpc.session;

/** Why a protocol stopped. Stable names: transports map them to status codes. */
public enum AbortReason {
  /** A message could not be decoded, had the wrong length, or came out of order. */
  MALFORMED_MESSAGE,
  /** A point was off the curve, the identity, of small order, or not canonically encoded. */
  INVALID_POINT,
  /** A scalar was zero where forbidden, negative, or not below the group order. */
  INVALID_SCALAR,
  /** A commitment did not open to the value the peer revealed. */
  BAD_COMMITMENT,
  /** A zero-knowledge proof failed to verify. */
  BAD_PROOF,
  /** The peer's Paillier modulus or ciphertext is not acceptable. */
  INVALID_PAILLIER,
  /** The message belongs to another session, party or round, or repeats one already processed. */
  WRONG_SESSION,
  /** The jointly computed signature does not verify; the key may be under attack. */
  BAD_SIGNATURE,
  /** The key is frozen after a failed signature check and refuses to sign. */
  KEY_FROZEN,
  /** The party was asked to run a round out of order or after it finished. */
  WRONG_STATE,
  /**
   * A garbled circuit did not evaluate to an output label its garbler committed to: a garbled table
   * was altered, a label was forged, or the garbling belongs to another session. The evaluator
   * cannot tell these apart, and must not learn or use any output bit.
   */
  BAD_GARBLED_CIRCUIT,
  /**
   * The peer's oblivious-transfer extension matrix failed the consistency check: it was not built
   * from one choice vector, so the peer may be probing the sender's secret correlation.
   */
  BAD_OT
}
