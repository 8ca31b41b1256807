package org.planbok.node2.testing;

import java.util.List;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.secrets.control.CheckOutcome;
import org.planbok.node2.secrets.control.EnrollRefused;
import org.planbok.node2.secrets.control.LockoutPolicies;
import org.planbok.node2.secrets.control.SecretOracle;
import org.planbok.node2.tickets.control.TicketRequest;

/** {@link SecretOracle} with each call in its own transaction, as {@code @Transactional} gives. */
public final class TransactionalSecretOracle extends SecretOracle {
  private final Node2Beans beans;

  public TransactionalSecretOracle(Node2Beans beans, LockoutPolicies policies) {
    super(
        beans.db.entityManager(),
        beans.sealer,
        beans.sealedKeys,
        beans.tickets,
        beans.audit,
        policies,
        beans.recoveries,
        beans.clock);
    this.beans = beans;
  }

  @Override
  public byte[] enroll(Subject subject, Purpose purpose, byte[] secret, byte[] ticket)
      throws EnrollRefused {
    return beans.db.inTransaction(() -> super.enroll(subject, purpose, secret, ticket));
  }

  @Override
  public boolean remove(Subject subject, Purpose purpose, byte[] ticket) throws EnrollRefused {
    return beans.db.inTransaction(() -> super.remove(subject, purpose, ticket));
  }

  @Override
  public boolean confirms(Subject subject, Purpose purpose, byte[] secret) {
    return beans.db.get(() -> super.confirms(subject, purpose, secret));
  }

  @Override
  public java.time.Instant unsettledUntil(
      Subject subject, Purpose purpose, java.time.Duration settle) {
    return beans.db.get(() -> super.unsettledUntil(subject, purpose, settle));
  }

  @Override
  public CheckOutcome startRecovery(Subject subject, Purpose purpose, byte[] secret) {
    return beans.db.get(() -> super.startRecovery(subject, purpose, secret));
  }

  @Override
  public CheckOutcome check(
      Subject subject, Purpose purpose, byte[] secret, List<TicketRequest> wanted) {
    return beans.db.get(() -> super.check(subject, purpose, secret, wanted));
  }
}
