package org.planbok.mpc.ot;

import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * Where an OT party stands. A round {@link #begin}s only from the stage it expects and leaves the
 * party failed until it {@link #reach}es the next, so a party that aborted once refuses every later
 * call. (The same rule as {@code eddsa.Stage}, which is package-private there.)
 */
final class OtStage<S extends Enum<S>> {
  private final S failed;
  private S current;

  OtStage(S initial, S failed) {
    this.current = initial;
    this.failed = failed;
  }

  void begin(S expected) {
    if (current != expected) {
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE, "expected stage " + expected + " but at " + current);
    }
    current = failed;
  }

  void reach(S next) {
    current = next;
  }

  S current() {
    return current;
  }

  void fail() {
    current = failed;
  }
}
