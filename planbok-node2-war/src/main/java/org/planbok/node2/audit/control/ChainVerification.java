package org.planbok.node2.audit.control;

import java.util.OptionalLong;

/**
 * The result of {@link AuditLog#verify()}: whether the chain is intact, how many rows were checked,
 * and, when it is not, the first bad sequence number and what happened there.
 */
public record ChainVerification(boolean ok, long rowsChecked, Long firstBadSequence, Break why) {

  /** What the verifier found at the first bad sequence number. */
  public enum Break {
    /** the row's fields no longer hash to its stored hash, or the head does not match the tip */
    CHANGED,
    /** rows are missing at or after this sequence number */
    REMOVED,
    /** a row that belongs elsewhere in the chain sits at this sequence number */
    REORDERED
  }

  static ChainVerification intact(long rows) {
    return new ChainVerification(true, rows, null, null);
  }

  static ChainVerification broken(long rows, long sequence, Break why) {
    return new ChainVerification(false, rows, sequence, why);
  }

  public OptionalLong firstBad() {
    return firstBadSequence == null ? OptionalLong.empty() : OptionalLong.of(firstBadSequence);
  }
}
