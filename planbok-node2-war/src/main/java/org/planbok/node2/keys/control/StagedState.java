package org.planbok.node2.keys.control;

/**
 * What became of the share a KEYGEN or REFRESH session staged, as Node 2 answers a finalize: the
 * state after the call, whatever was asked, so that Node 1 keeps or drops its own half to match.
 */
public enum StagedState {
  /** The session's share is (or was) the key's share: Node 1 keeps its half. */
  COMMITTED,
  /** The session's share is gone, or never became the key's: Node 1 drops its half. */
  ABANDONED
}
