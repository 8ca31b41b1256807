package org.planbok.node2.tickets.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sealing.control.MasterKey;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.store.control.Node2Store;
import org.planbok.node2.tickets.control.TicketRefused.Reason;
import org.planbok.node2.tickets.entity.IssuedTicketRecord;

/**
 * Authorization tickets (DESIGN §6). Node 2 mints one only after a successful secret check; sign,
 * refresh and share release run only when {@link #redeem} accepts one.
 *
 * <p>Wire form: {@code body ‖ HMAC-SHA256(k_ticket, label ‖ body)}, where {@code body} is the
 * length-prefixed {@code version ‖ id(16) ‖ subject ‖ bought by ‖ key id ‖ operation ‖ digest ‖
 * path ‖ policy binding ‖ expiry (epoch ms)} (the binding: SHA-256 of Node 1's policy decision for
 * a SIGN ticket, empty without one) and {@code k_ticket} is derived from the master key by HKDF (so
 * a ticket minted under the previous master key during a rotation still verifies). Redeem checks
 * the MAC in constant time before it parses anything or touches the database, then expiry, subject,
 * key, operation, digest and path, then whether the purpose whose check bought the ticket may buy
 * it at all ({@link org.planbok.node2.api.vocabulary.SubjectKind#mayRedeem}: a security answer buys
 * a new PIN, never a signature), and finally marks the ticket used with {@code UPDATE … SET used_at
 * WHERE id = ? AND used_at IS NULL}: of two concurrent redeems exactly one updates a row.
 */
@ApplicationScoped
public class Tickets {
  // 2: the purpose that bought the ticket follows the subject. 3: the path follows the digest. 4:
  // the policy decision's binding follows the path. A ticket of an earlier version (minted before
  // an upgrade, valid for seconds) is malformed.
  private static final byte VERSION = 4;

  private static final int MAX_PATH = 64;
  private static final int ID = 16;
  private static final int MAC = 32;
  private static final String MAC_LABEL = "planbok/node2/ticket-mac/v1";
  private static final String SYSTEM = "-";

  private EntityManager em;
  private MasterKeys masterKeys;
  private AuditLog audit;
  private Clock clock;
  private Duration ttl;
  private int maxSignPerCheck;
  private SecureRandom random;

  Tickets() {
    // for the CDI proxy
  }

  @Inject
  public Tickets(
      @Node2Store EntityManager em,
      MasterKeys masterKeys,
      AuditLog audit,
      Clock clock,
      @ConfigProperty(name = "planbok.node2.tickets.ttl", defaultValue = "PT60S") Duration ttl,
      @ConfigProperty(name = "planbok.node2.tickets.max-sign-per-check", defaultValue = "4")
          int maxSignPerCheck) {
    if (maxSignPerCheck < 1) {
      throw new IllegalArgumentException("planbok.node2.tickets.max-sign-per-check must be >= 1");
    }
    this.em = em;
    this.masterKeys = masterKeys;
    this.audit = audit;
    this.clock = clock;
    this.ttl = ttl;
    this.maxSignPerCheck = maxSignPerCheck;
    this.random = new SecureRandom();
  }

  /**
   * How many SIGN tickets one secret check may buy ({@code
   * planbok.node2.tickets.max-sign-per-check}, default 4): what one check of the secret lets a
   * compromised Node 1 sign without asking the customer again.
   */
  public int maxSignPerCheck() {
    return maxSignPerCheck;
  }

  /**
   * Only Node 2's own secret check calls this, after a secret of purpose {@code boughtBy} was
   * accepted; the ticket records that purpose.
   *
   * @throws IllegalArgumentException when a secret of that purpose may not buy this ticket
   */
  @Transactional
  public Ticket mint(TicketRequest request, Purpose boughtBy) {
    if (!request
        .subject()
        .kind()
        .mayRedeem(boughtBy, request.operation(), request.keyId().value())) {
      throw new IllegalArgumentException(
          "a "
              + boughtBy
              + " does not buy a "
              + request.operation()
              + " ticket for "
              + request.keyId());
    }
    return issue(request, boughtBy);
  }

  /**
   * Mints without asking whether {@code boughtBy} may buy the ticket ({@link #redeem} asks again):
   * for tests that play a ticket minted before a rule was tightened.
   */
  Ticket issue(TicketRequest request, Purpose boughtBy) {
    byte[] rawId = new byte[ID];
    random.nextBytes(rawId);
    String id = HexFormat.of().formatHex(rawId);
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    byte[] body =
        new WireWriter()
            .bytes(new byte[] {VERSION})
            .bytes(rawId)
            .text(request.subject().value())
            .text(boughtBy.label())
            .text(request.keyId().value())
            .integer(request.operation().code())
            .bytes(request.digest())
            .text(request.path().toString())
            .bytes(request.policyBinding())
            .integer(expires.toEpochMilli())
            .toBytes();
    byte[] mac = mac(masterKeys.current(), body);
    byte[] wire = Arrays.copyOf(body, body.length + MAC);
    System.arraycopy(mac, 0, wire, body.length, MAC);
    em.persist(
        new IssuedTicketRecord(
            id,
            request.subject().value(),
            boughtBy.label(),
            request.keyId().value(),
            request.operation(),
            now,
            expires));
    audit.append(
        SYSTEM,
        "ticket.mint",
        request.subject().value(),
        "MINTED",
        describe(id, request)
            + " bought by "
            + boughtBy
            + request.policy().map(p -> "; policy decision " + p.describe()).orElse(""));
    return new Ticket(id, wire, expires);
  }

  /**
   * {@link #redeem(byte[], Subject, KeyId, Operation, byte[], DerivationPath)} at the root path.
   */
  @Transactional
  public void redeem(byte[] ticket, Subject subject, KeyId keyId, Operation op, byte[] digest)
      throws TicketRefused {
    redeem(ticket, subject, keyId, op, digest, DerivationPath.root());
  }

  /**
   * Accepts the ticket for exactly this subject, key, operation, digest and path, once; otherwise
   * throws with the first reason that applies. Every redeem, accepted or not, is audited.
   */
  @Transactional
  public void redeem(
      byte[] ticket, Subject subject, KeyId keyId, Operation op, byte[] digest, DerivationPath path)
      throws TicketRefused {
    Parsed parsed;
    try {
      parsed = verify(ticket);
      check(parsed, subject, keyId, op, digest);
      if (!parsed.path.equals(path.toString())) {
        throw new TicketRefused(Reason.WRONG_PATH);
      }
    } catch (TicketRefused refused) {
      audit.append(
          SYSTEM, "ticket.redeem", subject.value(), refused.reason().name(), "key " + keyId);
      throw refused;
    }
    int updated =
        em.createQuery(
                "UPDATE IssuedTicketRecord t SET t.usedAt = :now"
                    + " WHERE t.id = :id AND t.usedAt IS NULL")
            .setParameter("now", clock.instant())
            .setParameter("id", parsed.id)
            .executeUpdate();
    if (updated != 1) {
      audit.append(SYSTEM, "ticket.redeem", subject.value(), Reason.ALREADY_USED.name(), parsed.id);
      throw new TicketRefused(Reason.ALREADY_USED);
    }
    audit.append(
        SYSTEM, "ticket.redeem", subject.value(), "REDEEMED", describe(parsed.id, op, keyId));
  }

  /** Marks every open ticket of the subject used (after a recovery or a PIN change). */
  @Transactional
  public int revokeOpen(Subject subject) {
    int revoked =
        em.createQuery(
                "UPDATE IssuedTicketRecord t SET t.usedAt = :now"
                    + " WHERE t.subject = :subject AND t.usedAt IS NULL")
            .setParameter("now", clock.instant())
            .setParameter("subject", subject.value())
            .executeUpdate();
    audit.append(SYSTEM, "ticket.revoke", subject.value(), "REVOKED", revoked + " open ticket(s)");
    return revoked;
  }

  /** Housekeeping: expired tickets can never be redeemed, so their rows can go. */
  @Transactional
  public int deleteExpiredOlderThan(Duration age) {
    return em.createQuery("DELETE FROM IssuedTicketRecord t WHERE t.expiresAt < :cutoff")
        .setParameter("cutoff", clock.instant().minus(age))
        .executeUpdate();
  }

  private Parsed verify(byte[] ticket) throws TicketRefused {
    if (ticket == null || ticket.length <= MAC) {
      throw new TicketRefused(Reason.MALFORMED);
    }
    byte[] body = Arrays.copyOf(ticket, ticket.length - MAC);
    byte[] mac = Arrays.copyOfRange(ticket, ticket.length - MAC, ticket.length);
    boolean authentic = false;
    for (MasterKey key : masterKeys.accepted()) {
      authentic |= MessageDigest.isEqual(mac(key, body), mac);
    }
    if (!authentic) {
      throw new TicketRefused(Reason.BAD_MAC);
    }
    try {
      WireReader r = new WireReader(body);
      byte[] version = r.fixedBytes(1);
      if (version[0] != VERSION) {
        throw new TicketRefused(Reason.MALFORMED);
      }
      Parsed p =
          new Parsed(
              HexFormat.of().formatHex(r.fixedBytes(ID)),
              r.text(TicketRequest.SUBJECT * 4),
              r.text(64),
              r.text(256),
              r.smallInt(),
              r.bytes(TicketRequest.DIGEST),
              r.text(MAX_PATH),
              r.bytes(32),
              Instant.ofEpochMilli(r.integer(8).longValueExact()));
      r.end();
      return p;
    } catch (ProtocolAbort | ArithmeticException e) {
      throw new TicketRefused(Reason.MALFORMED);
    }
  }

  private void check(Parsed p, Subject subject, KeyId keyId, Operation op, byte[] digest)
      throws TicketRefused {
    if (!clock.instant().isBefore(p.expiresAt)) {
      throw new TicketRefused(Reason.EXPIRED);
    }
    if (!p.subject.equals(subject.value())) {
      throw new TicketRefused(Reason.WRONG_SUBJECT);
    }
    if (!p.keyId.equals(keyId.value())) {
      throw new TicketRefused(Reason.WRONG_KEY);
    }
    if (p.operation != op.code()) {
      throw new TicketRefused(Reason.WRONG_OPERATION);
    }
    if (!MessageDigest.isEqual(p.digest, digest == null ? new byte[0] : digest)) {
      throw new TicketRefused(Reason.WRONG_DIGEST);
    }
    // The MAC says Node 2 minted it, and mint refuses what a purpose may not buy; checked again
    // here so that no ticket outlives a rule that was tightened after it was minted.
    if (!Purpose.parse(p.boughtBy)
        .map(boughtBy -> subject.kind().mayRedeem(boughtBy, op, p.keyId))
        .orElse(false)) {
      throw new TicketRefused(Reason.WRONG_PURPOSE);
    }
  }

  private static byte[] mac(MasterKey key, byte[] body) {
    byte[] k = key.derive(MAC_LABEL, 32);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(k, "HmacSHA256"));
      hmac.update(MAC_LABEL.getBytes(StandardCharsets.UTF_8));
      return hmac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  private static String describe(String id, TicketRequest r) {
    return describe(id, r.operation(), r.keyId()) + " path " + r.path();
  }

  private static String describe(String id, Operation op, KeyId keyId) {
    return "ticket " + id + " " + op + " key " + keyId;
  }

  private record Parsed(
      String id,
      String subject,
      String boughtBy,
      String keyId,
      int operation,
      byte[] digest,
      String path,
      byte[] policyBinding,
      Instant expiresAt) {}
}
