package org.planbok.node2.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.PayloadKind;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.policies.entity.PolicyHashRecord;
import org.planbok.node2.policies.entity.SubjectOrganizationRecord;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * What Node 2 enforces of the signing policies (docs/policies.md). Node 1 parses payloads and
 * evaluates the rules; Node 2 holds the hash of each scope's current policy as Node 1 published it
 * and the organization each customer was enrolled under, and {@link #admit}s a SIGN ticket request
 * for a subject under a policy only when it carries a decision statement that
 *
 * <ul>
 *   <li>names exactly the policies Node 2 holds for the subject (organization and customer),
 *   <li>says ALLOWED,
 *   <li>is not a raw digest when a policy that applies forbids raw digests, and
 *   <li>for the kinds Node 2 recomputes (digest, personal_sign, EVM, Solana and NEAR transactions),
 *       carries a payload of that hash from which the ticket's digest follows.
 * </ul>
 *
 * Every refusal is audited with its reason; every admitted statement is bound into its ticket and
 * audited with the ticket's mint. A Node 1 that skips the policy is refused; one that lies in the
 * evaluation (allows what the rules refuse) is not, but its statement, with the payload's hash and
 * kind, is in Node 2's log for an audit to hold against the rules.
 */
@ApplicationScoped
public class PolicyGate {
  private static final String SYSTEM = "-";
  private static final int HASH = 32;

  private EntityManager em;
  private AuditLog audit;
  private Clock clock;

  PolicyGate() {
    // for the CDI proxy
  }

  @Inject
  public PolicyGate(@Node2Store EntityManager em, AuditLog audit, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records a scope's current policy hash (or, {@code hash} null, that it has none). */
  @Transactional
  public void publish(Subject scope, String organization, byte[] hash, long version, boolean raw) {
    SubjectKind kind = scope.kind();
    if (hash != null && hash.length != HASH) {
      throw new IllegalArgumentException("hash: 32 bytes");
    }
    if (kind == SubjectKind.CUSTOMER && hash != null) {
      bind(scope, organization);
    }
    PolicyHashRecord record =
        em.find(PolicyHashRecord.class, scope.value(), LockModeType.PESSIMISTIC_WRITE);
    if (hash == null) {
      if (record != null) {
        em.remove(record);
      }
    } else {
      if (record == null) {
        record = new PolicyHashRecord(scope.value());
        record.publish(hash, version, raw, clock.instant());
        em.persist(record);
      } else {
        record.publish(hash, version, raw, clock.instant());
      }
    }
    audit.append(
        SYSTEM,
        "policy.publish",
        scope.value(),
        hash == null ? "REMOVED" : "PUBLISHED",
        "version "
            + version
            + (hash == null
                ? ""
                : " hash " + HexFormat.of().formatHex(hash) + " rawDigest " + raw));
  }

  /**
   * Records the organization of a customer at its first enrollment (an organization is its own).
   *
   * @throws IllegalArgumentException when the customer is bound to another organization
   */
  @Transactional
  public void bind(Subject subject, String organization) {
    if (subject.kind() != SubjectKind.CUSTOMER || organization == null || organization.isEmpty()) {
      return;
    }
    if (organization.length() > 64 || !organization.matches("[0-9a-fA-F-]+")) {
      throw new IllegalArgumentException("organization: a uuid");
    }
    SubjectOrganizationRecord bound = em.find(SubjectOrganizationRecord.class, subject.value());
    if (bound == null) {
      em.persist(new SubjectOrganizationRecord(subject.value(), organization, clock.instant()));
      audit.append(SYSTEM, "policy.bind", subject.value(), "BOUND", "organization " + organization);
    } else if (!bound.organization().equals(organization)) {
      audit.append(
          SYSTEM, "policy.bind", subject.value(), "REFUSED", "organization " + organization);
      throw new IllegalArgumentException("the customer belongs to another organization");
    }
  }

  /**
   * Admits the SIGN ticket requests of one check, or refuses them all with the first reason (the
   * refusal audited). Requests for other operations pass.
   */
  @Transactional
  public void admit(Subject subject, List<TicketRequest> wanted) throws PolicyRefusal {
    List<PolicyHashRecord> policies = null;
    for (int i = 0; i < wanted.size(); i++) {
      TicketRequest request = wanted.get(i);
      if (request.operation() != Operation.SIGN) {
        continue;
      }
      if (policies == null) {
        policies = applying(subject);
      }
      String refusal = refusal(policies, request);
      if (refusal != null) {
        audit.append(
            SYSTEM,
            "policy.refuse",
            subject.value(),
            "POLICY_REFUSED",
            "tickets["
                + i
                + "] key "
                + request.keyId()
                + ": "
                + refusal
                + request.policy().map(s -> "; " + s.describe()).orElse(""));
        throw new PolicyRefusal("tickets[" + i + "]: " + refusal);
      }
    }
  }

  private String refusal(List<PolicyHashRecord> policies, TicketRequest request) {
    Optional<PolicyStatement> found = request.policy();
    if (found.isEmpty()) {
      return policies.isEmpty() ? null : "no policy decision for a subject under a policy";
    }
    PolicyStatement s = found.get();
    if (!MessageDigest.isEqual(s.policyHash(), setHash(policies))) {
      return "the decision names another policy than the one published to Node 2";
    }
    if (!PolicyStatement.ALLOWED.equals(s.decision())) {
      return "the decision is " + s.decision() + ", not ALLOWED";
    }
    if (PayloadKind.DIGEST.label().equals(s.payloadKind())
        && policies.stream().anyMatch(p -> !p.rawDigest())) {
      return "the policy forbids raw digests";
    }
    byte[] payload = s.payload();
    if (payload.length > 0
        && !MessageDigest.isEqual(SignedDigests.sha256(payload), s.payloadHash())) {
      return "the payload does not hash to the stated payload hash";
    }
    Optional<byte[][]> digests = SignedDigests.of(s.payloadKind(), payload);
    if (digests == null) {
      return "unknown payload kind " + s.payloadKind();
    }
    if (digests.isPresent()) {
      boolean matches = false;
      for (byte[] d : digests.get()) {
        matches |= MessageDigest.isEqual(d, request.digest());
      }
      if (!matches) {
        return "the " + s.payloadKind() + " payload does not give the ticket's digest";
      }
    } else if (payload.length > 0) {
      return "a " + s.payloadKind() + " decision carries no payload";
    }
    return null;
  }

  /** The organization's policy, then the customer's, as published. */
  private List<PolicyHashRecord> applying(Subject subject) {
    List<PolicyHashRecord> out = new ArrayList<>(2);
    Subject organization = null;
    if (subject.isOrganization()) {
      organization = subject;
    } else {
      SubjectOrganizationRecord bound = em.find(SubjectOrganizationRecord.class, subject.value());
      if (bound != null) {
        organization = Subject.organization(bound.organization());
      }
    }
    if (organization != null) {
      Optional.ofNullable(em.find(PolicyHashRecord.class, organization.value()))
          .ifPresent(out::add);
    }
    if (!subject.isOrganization()) {
      Optional.ofNullable(em.find(PolicyHashRecord.class, subject.value())).ifPresent(out::add);
    }
    return out;
  }

  /** As Node 1 writes it: the organization's hash, then the customer's, each possibly empty. */
  private static byte[] setHash(List<PolicyHashRecord> policies) {
    if (policies.isEmpty()) {
      return new byte[0];
    }
    byte[] org = new byte[0];
    byte[] customer = new byte[0];
    for (PolicyHashRecord p : policies) {
      if (SubjectKind.require(p.scope()) == SubjectKind.ORGANIZATION) {
        org = p.hash();
      } else {
        customer = p.hash();
      }
    }
    return PolicyStatement.policyHash(org, customer);
  }
}
