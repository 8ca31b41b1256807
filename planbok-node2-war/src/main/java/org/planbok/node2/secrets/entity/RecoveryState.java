package org.planbok.node2.secrets.entity;

/**
 * Where a recovery of a delayed secret stands. {@code WAITING} and {@code RELEASED} are open (until
 * the recovery's window closes); {@code CANCELLED} and {@code CLOSED} are final.
 */
public enum RecoveryState {
  /** Started with the right kit; the pepper is refused until it matures. */
  WAITING,
  /** Matured and answered at least once; answered again for retries until it closes. */
  RELEASED,
  /** A PIN holder cancelled it. */
  CANCELLED,
  /** Its secret was replaced or removed (which the end of every recovery does). */
  CLOSED
}
