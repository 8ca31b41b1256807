package org.planbok.node2.testing;

import java.util.List;
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
  public byte[] enroll(String subject, String purpose, byte[] secret, byte[] ticket)
      throws EnrollRefused {
    return beans.db.inTransaction(() -> super.enroll(subject, purpose, secret, ticket));
  }

  @Override
  public boolean remove(String subject, String purpose, byte[] ticket) throws EnrollRefused {
    return beans.db.inTransaction(() -> super.remove(subject, purpose, ticket));
  }

  @Override
  public boolean confirms(String subject, String purpose, byte[] secret) {
    return beans.db.get(() -> super.confirms(subject, purpose, secret));
  }

  @Override
  public CheckOutcome startRecovery(String subject, String purpose, byte[] secret) {
    return beans.db.get(() -> super.startRecovery(subject, purpose, secret));
  }

  @Override
  public CheckOutcome check(
      String subject, String purpose, byte[] secret, List<TicketRequest> wanted) {
    return beans.db.get(() -> super.check(subject, purpose, secret, wanted));
  }
}
