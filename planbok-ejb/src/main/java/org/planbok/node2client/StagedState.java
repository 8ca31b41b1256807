package org.planbok.node2client;

/**
 * Node 2's decision on a staged share (a key generation or refresh): committed, or gone. Node 2
 * decides; Node 1 follows.
 */
public enum StagedState {
  COMMITTED,
  ABANDONED
}
