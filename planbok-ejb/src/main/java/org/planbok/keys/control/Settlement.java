package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyState;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Node2Sessions;
import org.planbok.node2client.StagedState;

/**
 * Settles what a crash or a lost connection left undecided between the two nodes: a key generation
 * Node 1 stored but never heard Node 2 commit, or a refreshed generation staged beside the current
 * one. Node 2 decides (its Finalize answers the staged share's state and can be asked again), Node
 * 1 follows: committed becomes active, abandoned is forgotten. Runs outside any transaction so that
 * each step is durable on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Settlement {
  private static final Logger LOG = Logger.getLogger(Settlement.class.getName());

  @Inject JointKeys jointKeys;
  @Inject Node2Sessions node2;

  /** Settles the key if anything about it is undecided; throws {@code Node2Unavailable}. */
  public void settle(JointKey key) {
    if (key.state() == KeyState.PENDING) {
      StagedState state = node2.finalize(key.id(), SessionId.fromHex(key.generation()), true);
      if (state == StagedState.COMMITTED) {
        jointKeys.activate(key.id());
      } else {
        jointKeys.forgetPending(key.id());
      }
      LOG.info(() -> "settled key generation of " + key.id() + ": " + state);
    } else if (key.pendingGeneration() != null) {
      String generation = key.pendingGeneration();
      StagedState state = node2.finalize(key.id(), SessionId.fromHex(generation), true);
      jointKeys.settleGeneration(key.id(), generation, state == StagedState.COMMITTED);
      LOG.info(() -> "settled refresh " + generation + " of " + key.id() + ": " + state);
    }
  }
}
