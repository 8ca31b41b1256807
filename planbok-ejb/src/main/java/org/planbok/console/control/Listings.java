package org.planbok.console.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.entity.Customer;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyState;
import org.planbok.keys.entity.ProtocolSession;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.wallet.entity.Wallet;

/**
 * What the console lists and counts, always within one organization: every query binds the
 * organization (or a subject of it), so no row of another organization can appear.
 */
@Stateless
public class Listings {
  private static final String SIGN = "sign";

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  public Dashboard dashboard(OrganizationId organization, Instant now) {
    Instant today =
        LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Object> org = Map.of("o", organization.toString());
    return new Dashboard(
        count("SELECT COUNT(c) FROM Customer c WHERE c.organizationId = :o", org),
        count(
            "SELECT COUNT(k) FROM JointKey k WHERE k.organizationId = :o AND k.state = :s",
            Map.of("o", organization.toString(), "s", KeyState.ACTIVE)),
        count(
            "SELECT COUNT(k) FROM JointKey k WHERE k.organizationId = :o AND k.frozen = TRUE", org),
        count("SELECT COUNT(w) FROM Wallet w WHERE w.organizationId = :o", org),
        count(
            "SELECT COUNT(w) FROM Wallet w WHERE w.organizationId = :o AND w.exportCount > 0", org),
        count(
            "SELECT COUNT(s) FROM ProtocolSession s WHERE s.organizationId = :o"
                + " AND s.operation = :op AND s.state = :ok AND s.startedAt >= :today",
            Map.of(
                "o",
                organization.toString(),
                "op",
                SIGN,
                "ok",
                ProtocolSession.State.SUCCEEDED,
                "today",
                today)),
        count(
            "SELECT COUNT(s) FROM ProtocolSession s WHERE s.organizationId = :o"
                + " AND s.state = :failed AND s.startedAt >= :today",
            Map.of(
                "o",
                organization.toString(),
                "failed",
                ProtocolSession.State.FAILED,
                "today",
                today)),
        em.createQuery(
                "SELECT s FROM ProtocolSession s WHERE s.organizationId = :o AND s.state = :failed"
                    + " ORDER BY s.startedAt DESC, s.id DESC",
                ProtocolSession.class)
            .setParameter("o", organization.toString())
            .setParameter("failed", ProtocolSession.State.FAILED)
            .setMaxResults(5)
            .getResultList());
  }

  /**
   * The organization's customers, newest first; {@code text} (when not blank) matches the start of
   * the external reference or of the email address, ignoring case.
   */
  public Slice<Customer> customers(OrganizationId organization, String text, int page, int size) {
    String where = " FROM Customer c WHERE c.organizationId = :o";
    Map<String, Object> params = new java.util.HashMap<>(Map.of("o", organization.toString()));
    if (text != null && !text.isBlank()) {
      where +=
          " AND (LOWER(c.externalRef) LIKE :q ESCAPE '\\' OR LOWER(c.email) LIKE :q ESCAPE '\\')";
      params.put("q", likePrefix(text));
    }
    return slice(
        "SELECT c" + where + " ORDER BY c.createdAt DESC, c.id DESC",
        "SELECT COUNT(c)" + where,
        params,
        Customer.class,
        page,
        size);
  }

  public Slice<ProtocolSession> sessions(OrganizationId organization, int page, int size) {
    return slice(
        "SELECT s FROM ProtocolSession s WHERE s.organizationId = :o"
            + " ORDER BY s.startedAt DESC, s.id DESC",
        "SELECT COUNT(s) FROM ProtocolSession s WHERE s.organizationId = :o",
        Map.of("o", organization.toString()),
        ProtocolSession.class,
        page,
        size);
  }

  /** A subject's wallets, oldest first (wallet 0 of each chain on top). */
  public Slice<Wallet> wallets(Subject subject, int page, int size) {
    return slice(
        "SELECT w FROM Wallet w WHERE w.subject = :s ORDER BY w.chain, w.index, w.createdAt",
        "SELECT COUNT(w) FROM Wallet w WHERE w.subject = :s",
        Map.of("s", subject.value()),
        Wallet.class,
        page,
        size);
  }

  /** One of the organization's wallets; another organization's is null. */
  public Wallet wallet(OrganizationId organization, String id) {
    Wallet wallet = em.find(Wallet.class, id);
    return wallet != null && wallet.organization().equals(organization) ? wallet : null;
  }

  /** The organization's frozen keys, its own and its customers', most recently frozen first. */
  public List<JointKey> frozenKeys(OrganizationId organization) {
    return em.createQuery(
            "SELECT k FROM JointKey k WHERE k.organizationId = :o AND k.frozen = TRUE"
                + " ORDER BY k.frozenAt DESC, k.id",
            JointKey.class)
        .setHint("eclipselink.refresh", "true")
        .setParameter("o", organization.toString())
        .getResultList();
  }

  private <T> Slice<T> slice(
      String select,
      String countQuery,
      Map<String, Object> params,
      Class<T> type,
      int page,
      int size) {
    TypedQuery<T> query = em.createQuery(select, type);
    params.forEach(query::setParameter);
    List<T> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
    return new Slice<>(items, count(countQuery, params), page, size);
  }

  private long count(String jpql, Map<String, Object> params) {
    TypedQuery<Long> query = em.createQuery(jpql, Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** {@code text%} with LIKE's own characters escaped, in lower case. */
  static String likePrefix(String text) {
    String escaped =
        text.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return escaped + "%";
  }
}
