package org.planbok.node2.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.planbok.node2.audit.control.ChainVerification.Break;
import org.planbok.node2.audit.entity.AuditHead;
import org.planbok.node2.audit.entity.AuditRecord;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.store.control.Node2Store;

/**
 * Node 2's append-only, hash-chained audit log (DESIGN §8).
 *
 * <p>Row {@code n} stores {@code hash_n = SHA-256(label ‖ n ‖ time ‖ session ‖ operation ‖ subject
 * ‖ outcome ‖ detail ‖ hash_(n-1))}, every field length-prefixed; row 1 chains to 32 zero bytes.
 * {@link #append} locks the single {@link AuditHead} row ({@code PESSIMISTIC_WRITE}), so concurrent
 * appends queue and the chain never forks; it joins the caller's transaction, so an audit row
 * exists exactly when the change it records was committed. Callers lock their own rows first and
 * the head last, which keeps the lock order fixed. The head also carries an HMAC of the tip under a
 * key sealed in the database ({@link SealedKeys#AUDIT_ANCHOR}), which a database-only attacker
 * cannot recompute.
 *
 * <p>Never pass a secret: details are free text that operators read.
 */
@ApplicationScoped
public class AuditLog {
  private static final byte[] GENESIS = new byte[32];
  private static final int PAGE = 500;
  // How far from its position the verifier looks for a moved row's original number.
  private static final int WINDOW = 64;

  private EntityManager em;
  private SealedKeys sealedKeys;
  private Clock clock;

  AuditLog() {
    // for the CDI proxy
  }

  @Inject
  public AuditLog(@Node2Store EntityManager em, SealedKeys sealedKeys, Clock clock) {
    this.em = em;
    this.sealedKeys = sealedKeys;
    this.clock = clock;
  }

  @Transactional
  public void append(
      String sessionId, String operation, String subject, String outcome, String detail) {
    AuditHead head = lockedHead();
    long sequence = head.lastSequence() + 1;
    long at = clock.millis();
    String s = clip(sessionId, AuditRecord.SESSION_ID);
    String op = clip(operation, AuditRecord.OPERATION);
    String sub = clip(subject, AuditRecord.SUBJECT);
    String out = clip(outcome, AuditRecord.OUTCOME);
    String d = clip(detail, AuditRecord.DETAIL);
    byte[] prev = head.lastHash();
    byte[] hash = hash(sequence, at, s, op, sub, out, d, prev);
    em.persist(new AuditRecord(sequence, at, s, op, sub, out, d, prev, hash));
    head.advance(sequence, hash, anchor(sequence, hash));
  }

  /** Creates the head (the empty chain) if there is none; called once at start-up. */
  @Transactional
  public void ensureHead() {
    if (em.find(AuditHead.class, AuditHead.SLOT) == null) {
      em.persist(new AuditHead(0, GENESIS, anchor(0, GENESIS)));
      em.flush();
    }
  }

  /**
   * Walks the whole chain in sequence order and reports the first break: a row whose fields do not
   * hash to its stored hash ({@code CHANGED}), a gap or a missing tail ({@code REMOVED}), a row
   * that chains to a row other than its predecessor ({@code REORDERED}).
   */
  @Transactional
  public ChainVerification verify() {
    long expected = 1;
    byte[] prev = GENESIS;
    while (true) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT r.sequence, r.atEpochMs, r.sessionId, r.operation, r.subject, r.outcome,"
                      + " r.detail, r.prevHash, r.hash FROM AuditRecord r WHERE r.sequence >= :from"
                      + " ORDER BY r.sequence",
                  Object[].class)
              .setParameter("from", expected)
              .setMaxResults(PAGE)
              .getResultList();
      for (Object[] row : rows) {
        long sequence = (Long) row[0];
        byte[] rowPrev = (byte[]) row[7];
        byte[] rowHash = (byte[]) row[8];
        if (sequence != expected) {
          return ChainVerification.broken(expected - 1, expected, Break.REMOVED);
        }
        boolean consistent = Arrays.equals(recompute(row, sequence), rowHash);
        boolean linked = Arrays.equals(rowPrev, prev);
        if (!consistent || !linked) {
          return classify(row, sequence, consistent, expected - 1);
        }
        prev = rowHash;
        expected++;
      }
      if (rows.size() < PAGE) {
        break;
      }
    }
    long rows = expected - 1;
    AuditHead head = em.find(AuditHead.class, AuditHead.SLOT);
    if (head == null) {
      return rows == 0
          ? ChainVerification.intact(0)
          : ChainVerification.broken(rows, 1, Break.CHANGED);
    }
    if (!MessageDigest.isEqual(head.anchor(), anchor(head.lastSequence(), head.lastHash()))) {
      return ChainVerification.broken(rows, Math.max(1, head.lastSequence()), Break.CHANGED);
    }
    if (head.lastSequence() > rows) {
      return ChainVerification.broken(rows, rows + 1, Break.REMOVED);
    }
    if (head.lastSequence() < rows || !Arrays.equals(head.lastHash(), prev)) {
      return ChainVerification.broken(rows, Math.max(1, head.lastSequence()), Break.CHANGED);
    }
    return ChainVerification.intact(rows);
  }

  /**
   * Why the row at {@code sequence} does not fit. The row's own number is found by hashing it with
   * the numbers near its position (renumbered rows still carry their original hash). A row moved
   * here whose predecessor still exists was reordered; one whose predecessor is gone shows removed
   * rows; a row that hashes under no number was changed; a consistent row whose predecessor hash
   * exists nowhere means the row before it was replaced.
   */
  private ChainVerification classify(Object[] row, long sequence, boolean consistent, long rows) {
    byte[] rowPrev = (byte[]) row[7];
    byte[] rowHash = (byte[]) row[8];
    List<Long> predecessor =
        em.createQuery("SELECT r.sequence FROM AuditRecord r WHERE r.hash = :h", Long.class)
            .setParameter("h", rowPrev)
            .getResultList();
    boolean predecessorExists = !predecessor.isEmpty() || Arrays.equals(rowPrev, GENESIS);
    if (consistent) {
      return predecessorExists
          ? ChainVerification.broken(rows, sequence, Break.REORDERED)
          : ChainVerification.broken(rows, Math.max(1, sequence - 1), Break.CHANGED);
    }
    boolean moved = false;
    for (long m = Math.max(1, sequence - WINDOW); m <= sequence + WINDOW && !moved; m++) {
      moved = m != sequence && Arrays.equals(recompute(row, m), rowHash);
    }
    if (!moved) {
      return ChainVerification.broken(rows, sequence, Break.CHANGED);
    }
    return ChainVerification.broken(
        rows, sequence, predecessorExists ? Break.REORDERED : Break.REMOVED);
  }

  private static byte[] recompute(Object[] row, long sequence) {
    return hash(
        sequence,
        (Long) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (byte[]) row[7]);
  }

  private AuditHead lockedHead() {
    AuditHead head = em.find(AuditHead.class, AuditHead.SLOT, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      // Only before the start-up check made the head (unit tests, or a very first append).
      ensureHead();
      head = em.find(AuditHead.class, AuditHead.SLOT, LockModeType.PESSIMISTIC_WRITE);
    }
    return head;
  }

  static byte[] hash(
      long sequence,
      long atEpochMs,
      String sessionId,
      String operation,
      String subject,
      String outcome,
      String detail,
      byte[] prevHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      field(sha, "planbok/node2/audit/v1".getBytes(StandardCharsets.UTF_8));
      field(sha, ByteBuffer.allocate(8).putLong(sequence).array());
      field(sha, ByteBuffer.allocate(8).putLong(atEpochMs).array());
      for (String text : new String[] {sessionId, operation, subject, outcome, detail}) {
        field(sha, text.getBytes(StandardCharsets.UTF_8));
      }
      field(sha, prevHash);
      return sha.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] anchor(long sequence, byte[] hash) {
    byte[] key = sealedKeys.key(SealedKeys.AUDIT_ANCHOR);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update("planbok/node2/audit-anchor/v1".getBytes(StandardCharsets.UTF_8));
      mac.update(ByteBuffer.allocate(8).putLong(sequence).array());
      return mac.doFinal(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static void field(MessageDigest sha, byte[] value) {
    sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
    sha.update(value);
  }

  private static String clip(String value, int max) {
    String v = value == null ? "" : value;
    return v.length() <= max ? v : v.substring(0, max);
  }
}
