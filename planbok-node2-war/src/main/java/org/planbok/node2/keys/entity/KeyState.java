package org.planbok.node2.keys.entity;

/** A key share is staged while its keygen finishes, and usable only once both nodes committed. */
public enum KeyState {
  PENDING,
  COMMITTED
}
