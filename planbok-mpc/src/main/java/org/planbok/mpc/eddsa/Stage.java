package org.planbok.mpc.eddsa;

import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * Where a party's state machine stands. A round {@link #begin}s only from the stage it expects and
 * leaves the party failed until it {@link #reach}es the next stage, so a party that aborted once
 * refuses every later call.
 */
final class Stage<S extends Enum<S>> {
  private final S failed;
  private S current;

  Stage(S initial, S failed) {
    this.current = initial;
    this.failed = failed;
  }

  void begin(S expected) {
    require(expected);
    current = failed;
  }

  void reach(S next) {
    current = next;
  }

  S current() {
    return current;
  }

  void require(S expected) {
    if (current != expected) {
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE, "expected stage " + expected + " but at " + current);
    }
  }
}
