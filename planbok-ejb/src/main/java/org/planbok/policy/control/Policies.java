package org.planbok.policy.control;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.entity.Subject;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.node2client.Node2Policies;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.policy.entity.PolicySpend;
import org.planbok.policy.entity.PolicySpendGuard;
import org.planbok.policy.entity.SigningPolicy;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.Hashes;
import org.planbok.wallet.control.Chains;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * The signing policies of an organization and its customers: read, replace, remove (each change
 * published to Node 2 and audited), and {@link #enforce}d on every signature before the secret is
 * checked. An organization without any policy keeps the behaviour from before policies: nothing is
 * refused, nothing is audited here, and Node 2 asks for no decision.
 */
@Stateless
public class Policies {
  static final Duration DAY = Duration.ofHours(24);
  private static final int CACHE = 1024;
  private static final Map<String, PolicyDocument> PARSED = new ConcurrentHashMap<>();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject AuditLog audit;
  @Inject Node2Policies node2;
  @Inject SpendGuards guards;
  @Inject WebhookEvents webhooks;
  Clock clock = Clock.systemUTC();

  /** The scope's policy ({@code organization:<id>} or {@code customer:<id>}). */
  public Optional<StoredPolicy> get(Subject scope) {
    return Optional.ofNullable(em.find(SigningPolicy.class, scope.value()))
        .filter(p -> p.document() != null)
        .map(p -> StoredPolicy.of(p, document(p)));
  }

  /**
   * Replaces the scope's policy with {@code json} (parsed strictly: a refusal names the member),
   * counts a version, tells Node 2 its hash and audits the change. With {@code expectedVersion},
   * refuses (POLICY_VERSION_MISMATCH) when the stored version is another (0: there is none yet).
   */
  public StoredPolicy replace(
      OrganizationId organization, Subject scope, String json, Optional<Long> expectedVersion) {
    PolicyDocument document = PolicyDocument.parse(json);
    SigningPolicy stored =
        em.find(SigningPolicy.class, scope.value(), LockModeType.PESSIMISTIC_WRITE);
    long current = stored == null ? 0 : stored.version();
    if (expectedVersion.isPresent() && expectedVersion.get() != current) {
      throw new Refused(
          Refusal.POLICY_VERSION_MISMATCH,
          "The policy is at version " + current + ", not " + expectedVersion.get() + ".",
          "expectedVersion",
          Map.of("version", current));
    }
    if (stored == null) {
      stored = new SigningPolicy(scope.value(), organization.toString());
      em.persist(stored);
    }
    stored.replace(document.canonical(), document.hashHex(), clock.instant(), audit.actor());
    PARSED.putIfAbsent(document.hashHex(), document);
    node2.publish(scope, organization, document.hash(), stored.version(), document.rawDigest());
    audit.append(
        organization,
        "policy.replace",
        scope.value(),
        "OK",
        "version " + stored.version() + ", hash " + document.hashHex());
    return StoredPolicy.of(stored, document);
  }

  /** Removes the scope's policy (Node 2 is told, the change audited); whether there was one. */
  public boolean remove(OrganizationId organization, Subject scope) {
    SigningPolicy stored =
        em.find(SigningPolicy.class, scope.value(), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      return false;
    }
    long version = stored.version();
    em.remove(stored);
    node2.publish(scope, organization, null, version, false);
    audit.append(organization, "policy.remove", scope.value(), "OK", "was version " + version);
    return true;
  }

  /** The policies that apply to a signature by {@code owner}, an organization's or customer's. */
  public PolicySet applying(OrganizationId organization, Subject owner) {
    Optional<StoredPolicy> org = get(Subject.organization(organization));
    Optional<StoredPolicy> customer = owner.isOrganization() ? Optional.empty() : get(owner);
    return new PolicySet(org, customer);
  }

  /**
   * Decides one signature before the secret is checked. Refused: the decision is audited and {@link
   * PolicyRefused} thrown, the one place a refusal is decided. Allowed: the decision is audited,
   * the value is counted toward the owner's rolling day on the chain (in the caller's transaction,
   * so a signature that fails counts nothing), and the statement Node 2 checks is returned. Under a
   * rolling day's limit the owner's guard row for the chain stays locked until the caller's
   * transaction ends, so two concurrent signatures never both fit under the limit.
   */
  public PolicyStatement enforce(
      OrganizationId organization, Subject owner, String target, SigningRequest request) {
    PolicySet set = applying(organization, owner);
    if (set.isEmpty()) {
      return statement(set, request, "none");
    }
    for (StoredPolicy p : set.policies()) {
      PolicyVerdict v = PolicyRules.evaluate(p.document(), request);
      if (!v.allowed()) {
        throw refuse(organization, owner, target, request, set, p, v);
      }
    }
    boolean limited =
        request.chain() != null
            && set.policies().stream()
                .anyMatch(
                    p ->
                        p.document()
                            .chain(request.chain())
                            .flatMap(ChainRules::maxValuePerDay)
                            .isPresent());
    if (limited) {
      BigInteger spent = spentToday(owner, request);
      for (StoredPolicy p : set.policies()) {
        PolicyVerdict v = PolicyRules.perDay(p.document(), request, spent);
        if (!v.allowed()) {
          throw refuse(organization, owner, target, request, set, p, v);
        }
      }
    }
    if (request.chain() != null && request.value().signum() > 0) {
      em.persist(
          new PolicySpend(
              owner.value(), Chains.name(request.chain()), request.value(), clock.instant()));
    }
    audit.appendDetached(
        audit.actor(),
        AuditChain.of(organization),
        "policy.decision",
        target,
        PolicyStatement.ALLOWED,
        describe(owner, request) + "; " + set.describe());
    return statement(set, request, "all");
  }

  /** Locks the owner's guard row for the chain and sums the last 24 hours. */
  private BigInteger spentToday(Subject owner, SigningRequest request) {
    String chain = Chains.name(request.chain());
    String id = PolicySpendGuard.idOf(owner.value(), chain);
    if (em.find(PolicySpendGuard.class, id) == null) {
      try {
        guards.ensure(id);
      } catch (EJBException raced) {
        // inserted by a concurrent first signature
      }
    }
    em.find(PolicySpendGuard.class, id, LockModeType.PESSIMISTIC_WRITE);
    BigDecimal sum =
        em.createQuery(
                "SELECT SUM(s.amount) FROM PolicySpend s"
                    + " WHERE s.owner = :owner AND s.chain = :chain AND s.signedAt > :since",
                BigDecimal.class)
            .setParameter("owner", owner.value())
            .setParameter("chain", chain)
            .setParameter("since", clock.instant().minus(DAY))
            .getSingleResult();
    return sum == null ? BigInteger.ZERO : sum.toBigIntegerExact();
  }

  private PolicyRefused refuse(
      OrganizationId organization,
      Subject owner,
      String target,
      SigningRequest request,
      PolicySet set,
      StoredPolicy by,
      PolicyVerdict verdict) {
    String scope = by.scopeKind();
    // Detached: the refusal rolls the caller's transaction back, and its row must stay.
    audit.appendDetached(
        audit.actor(),
        AuditChain.of(organization),
        "policy.decision",
        target,
        "REFUSED",
        describe(owner, request)
            + "; rule "
            + verdict.rule()
            + ", field "
            + verdict.field()
            + ", by the "
            + scope
            + " policy; "
            + set.describe());
    // On its own transaction too, for the same reason: the integrator hears of every refusal.
    webhooks.recordAlone(
        organization,
        owner,
        EventType.SIGNATURE_REFUSED,
        EventData.of(owner)
            .with("target", target)
            .with("kind", request.kind().label())
            .with("chain", request.chain() == null ? null : Chains.name(request.chain()))
            .with("rule", verdict.rule())
            .with("field", verdict.field())
            .with("scope", scope)
            .with("policyVersion", by.version()));
    return new PolicyRefused(verdict, scope, by.version());
  }

  private static String describe(Subject owner, SigningRequest request) {
    return request.kind().label()
        + (request.chain() == null ? "" : " on " + Chains.name(request.chain()))
        + " by "
        + owner.value()
        + (request.value().signum() > 0 ? ", value " + request.value() : "");
  }

  static PolicyStatement statement(PolicySet set, SigningRequest request, String rule) {
    byte[] payload = request.payload();
    return new PolicyStatement(
        set.hash(),
        PolicyStatement.ALLOWED,
        rule,
        request.kind().label(),
        Hashes.sha256(payload),
        request.kind().recomputedByNode2() ? payload : new byte[0]);
  }

  private static PolicyDocument document(SigningPolicy p) {
    PolicyDocument cached = PARSED.get(p.hash());
    if (cached != null) {
      return cached;
    }
    PolicyDocument parsed = PolicyDocument.parse(p.document());
    if (PARSED.size() >= CACHE) {
      PARSED.clear();
    }
    PARSED.put(p.hash(), parsed);
    return parsed;
  }
}
