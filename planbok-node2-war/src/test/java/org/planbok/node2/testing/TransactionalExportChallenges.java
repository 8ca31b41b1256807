package org.planbok.node2.testing;

import java.time.Duration;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.exports.control.ExportChallenges;
import org.planbok.node2.keys.entity.KeyId;

/**
 * {@link ExportChallenges} with each call in its own transaction, as {@code @Transactional} gives.
 */
public final class TransactionalExportChallenges extends ExportChallenges {
  private final Node2Beans beans;

  public TransactionalExportChallenges(Node2Beans beans, Duration ttl) {
    super(beans.db.entityManager(), beans.audit, beans.clock, ttl);
    this.beans = beans;
  }

  @Override
  public Optional<Challenge> mint(Subject subject, KeyId keyId) {
    return beans.db.get(() -> super.mint(subject, keyId));
  }

  @Override
  public boolean useUp(byte[] challenge, Subject subject, KeyId keyId) {
    return beans.db.get(() -> super.useUp(challenge, subject, keyId));
  }
}
