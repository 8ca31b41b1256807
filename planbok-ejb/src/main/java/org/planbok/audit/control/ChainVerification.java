package org.planbok.audit.control;

/**
 * The result of verifying one chain: whether it is intact, how many rows checked out, and, when it
 * is not, the first bad sequence number and what happened there.
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

  /** A sentence for a person reading the console. */
  public String describe() {
    if (ok) {
      return "The chain is intact: " + rowsChecked + " row(s) verified.";
    }
    return switch (why) {
      case CHANGED -> "Row " + firstBadSequence + " was changed after it was written.";
      case REMOVED -> "Rows are missing from row " + firstBadSequence + " on.";
      case REORDERED -> "Row " + firstBadSequence + " was moved from elsewhere in the chain.";
    };
  }
}
