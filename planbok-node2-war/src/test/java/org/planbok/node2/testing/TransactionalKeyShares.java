package org.planbok.node2.testing;

import java.util.Optional;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.StagedState;
import org.planbok.node2.keys.control.StoredShare;
import org.planbok.node2.keys.entity.KeyId;

/** {@link KeyShares} with each call in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalKeyShares extends KeyShares {
  private final Node2Beans beans;

  public TransactionalKeyShares(Node2Beans beans) {
    super(beans.db.entityManager(), beans.sealer, beans.audit, beans.clock);
    this.beans = beans;
  }

  @Override
  public void stage(
      KeyId id, Subject subject, Curve curve, byte[] blob, String publicKeyHex, String sessionId) {
    beans.db.run(() -> super.stage(id, subject, curve, blob, publicKeyHex, sessionId));
  }

  @Override
  public void stageGeneration(KeyId id, byte[] blob, String sessionId, String base) {
    beans.db.run(() -> super.stageGeneration(id, blob, sessionId, base));
  }

  @Override
  public StagedState finalizeStaged(KeyId id, String sessionId, boolean commit) {
    return beans.db.get(() -> super.finalizeStaged(id, sessionId, commit));
  }

  @Override
  public Optional<StoredShare> committed(KeyId id) {
    return beans.db.get(() -> super.committed(id));
  }

  @Override
  public void freeze(KeyId id, String reason, String sessionId) {
    beans.db.run(() -> super.freeze(id, reason, sessionId));
  }

  @Override
  public boolean isFrozen(KeyId id) {
    return beans.db.get(() -> super.isFrozen(id));
  }
}
