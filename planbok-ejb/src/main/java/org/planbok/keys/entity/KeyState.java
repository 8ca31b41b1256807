package org.planbok.keys.entity;

/**
 * A key generation's two phases on Node 1: {@code PENDING} once Node 1 has stored its half and
 * before Node 2 confirmed its commit; {@code ACTIVE} once both nodes committed. A pending key is
 * never used, and is settled by asking Node 2 (see {@code KeyReconciliation}).
 */
public enum KeyState {
  PENDING,
  ACTIVE
}
