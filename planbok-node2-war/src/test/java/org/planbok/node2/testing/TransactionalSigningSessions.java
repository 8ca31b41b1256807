package org.planbok.node2.testing;

import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.keys.entity.KeyId;

/**
 * {@link SigningSessions} with each call in its own transaction, as {@code @Transactional} gives.
 */
public class TransactionalSigningSessions extends SigningSessions {
  private final Node2Beans beans;

  public TransactionalSigningSessions(Node2Beans beans, int maxConcurrent) {
    super(
        beans.db.entityManager(),
        beans.keyShares,
        beans.clock,
        maxConcurrent,
        Node2Beans.SUSPECT_AFTER,
        Node2Beans.SIGNING_SESSION_MAX_AGE);
    this.beans = beans;
  }

  public TransactionalSigningSessions(Node2Beans beans) {
    this(beans, Node2Beans.MAX_CONCURRENT_SIGNING);
  }

  @Override
  public Admission open(KeyId id, String sessionId) {
    return beans.db.get(() -> super.open(id, sessionId));
  }

  @Override
  public Admission beforeDecrypt(KeyId id, String sessionId) {
    return beans.db.get(() -> super.beforeDecrypt(id, sessionId));
  }

  @Override
  public void verified(String sessionId) {
    beans.db.run(() -> super.verified(sessionId));
  }

  @Override
  public void failed(KeyId id, String sessionId, String reason) {
    beans.db.run(() -> super.failed(id, sessionId, reason));
  }

  @Override
  public void ended(String sessionId) {
    beans.db.run(() -> super.ended(sessionId));
  }

  @Override
  public int freezeStale() {
    return beans.db.get(super::freezeStale);
  }
}
