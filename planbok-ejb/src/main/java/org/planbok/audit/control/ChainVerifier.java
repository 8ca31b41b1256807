package org.planbok.audit.control;

import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import org.planbok.audit.control.ChainVerification.Break;
import org.planbok.audit.entity.AuditHead;

/**
 * Walks one chain in sequence order and reports the first break: a row whose fields do not hash to
 * its stored hash ({@code CHANGED}), a gap or a missing tail ({@code REMOVED}), a row that chains
 * to a row other than its predecessor ({@code REORDERED}). The same rules as Node 2's verifier.
 */
final class ChainVerifier {
  private static final int PAGE = 500;
  // How far from its position the verifier looks for a moved row's original number.
  private static final int WINDOW = 64;

  private final EntityManager em;
  private final String chain;

  ChainVerifier(EntityManager em, AuditChain chain) {
    this.em = em;
    this.chain = chain.value();
  }

  ChainVerification verify() {
    long expected = 1;
    byte[] prev = AuditHash.GENESIS;
    while (true) {
      List<Object[]> rows =
          em.createQuery(
                  "SELECT e.sequence, e.atEpochMicros, e.actor, e.action, e.target, e.outcome,"
                      + " e.detail, e.prevHash, e.hash FROM AuditEntry e WHERE e.chain = :chain"
                      + " AND e.sequence >= :from ORDER BY e.sequence",
                  Object[].class)
              .setParameter("chain", chain)
              .setParameter("from", expected)
              .setMaxResults(PAGE)
              .getResultList();
      for (Object[] row : rows) {
        long sequence = (Long) row[0];
        if (sequence != expected) {
          return ChainVerification.broken(expected - 1, expected, Break.REMOVED);
        }
        boolean consistent = Arrays.equals(recompute(row, sequence), (byte[]) row[8]);
        boolean linked = Arrays.equals((byte[]) row[7], prev);
        if (!consistent || !linked) {
          return classify(row, sequence, consistent, expected - 1);
        }
        prev = (byte[]) row[8];
        expected++;
      }
      if (rows.size() < PAGE) {
        break;
      }
    }
    long rows = expected - 1;
    AuditHead head = em.find(AuditHead.class, chain);
    if (head == null) {
      return rows == 0
          ? ChainVerification.intact(0)
          : ChainVerification.broken(rows, 1, Break.CHANGED);
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
    boolean predecessorExists =
        Arrays.equals(rowPrev, AuditHash.GENESIS)
            || !em.createQuery(
                    "SELECT e.sequence FROM AuditEntry e WHERE e.chain = :chain AND e.hash = :h",
                    Long.class)
                .setParameter("chain", chain)
                .setParameter("h", rowPrev)
                .getResultList()
                .isEmpty();
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

  private byte[] recompute(Object[] row, long sequence) {
    return AuditHash.of(
        chain,
        sequence,
        (Long) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (byte[]) row[7]);
  }
}
