package org.planbok.wallet.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.control.ChainCodes;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.Keys;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.paging.Page;
import org.planbok.paging.PageCursor;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.WalletAddress;
import org.planbok.wallet.entity.Wallet;
import org.planbok.wallet.entity.WalletId;

/**
 * A subject's wallets, derived on demand from its joint keys (one identity, many wallets): the
 * wallet at a chain, format and index is made the first time it is asked for and is the same every
 * time after. Another subject's wallet is "not found".
 */
@Stateless
public class Wallets {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject Keys keys;
  @Inject ChainCodes chainCodes;

  /** The wallet and whether this call made it. */
  public record Derived(Wallet wallet, boolean created) {}

  public Derived derive(
      OrganizationId organization, Subject subject, Chain chain, AddressFormat format, int index) {
    Optional<Wallet> existing = find(subject, chain, format, index);
    if (existing.isPresent()) {
      return new Derived(existing.get(), false);
    }
    JointKey key =
        keys.of(subject, chain.curve())
            .orElseThrow(
                () ->
                    new Refused(
                        Refusal.NO_KEY,
                        "There is no "
                            + chain.curve().label()
                            + " key to derive a "
                            + Chains.name(chain)
                            + " wallet from; generate one first.",
                        "chain",
                        Map.of()));
    Wallet wallet =
        new Wallet(
            WalletId.random(),
            organization,
            subject,
            key.id(),
            chain,
            format,
            index,
            address(chain, format, child(key, chain, format, index)),
            Instant.now().truncatedTo(ChronoUnit.MICROS));
    try {
      em.persist(wallet);
      em.flush();
    } catch (PersistenceException e) {
      if (isIntegrityViolation(e)) {
        // A concurrent request derived the same wallet first: it is the same one.
        throw new Refused(
            Refusal.IDEMPOTENCY_IN_PROGRESS,
            "The same wallet is being derived by another request; retry to get it.",
            "index",
            Map.of());
      }
      throw e;
    }
    return new Derived(wallet, true);
  }

  public Wallet get(Subject subject, WalletId id) {
    Wallet wallet = em.find(Wallet.class, id.toString());
    if (wallet == null || !wallet.belongsTo(subject)) {
      throw new Refused(Refusal.NOT_FOUND, "No wallet " + id + ".");
    }
    return wallet;
  }

  /** The wallet's child key, derived again from its joint key. */
  public ChildKey childKey(Wallet wallet) {
    JointKey key = keys.get(wallet.subject(), wallet.keyId());
    return child(key, wallet.chain(), wallet.format(), wallet.index());
  }

  public Page<Wallet> list(
      Subject subject, Optional<Chain> chain, int limit, Optional<PageCursor> cursor) {
    StringBuilder jpql = new StringBuilder("SELECT w FROM Wallet w WHERE w.subject = :subject");
    chain.ifPresent(c -> jpql.append(" AND w.chain = :chain"));
    cursor.ifPresent(
        c ->
            jpql.append(
                " AND (w.createdAt > :afterTime OR (w.createdAt = :afterTime AND w.id > :afterId))"));
    jpql.append(" ORDER BY w.createdAt, w.id");
    TypedQuery<Wallet> query = em.createQuery(jpql.toString(), Wallet.class);
    query.setParameter("subject", subject.value());
    chain.ifPresent(c -> query.setParameter("chain", c));
    cursor.ifPresent(
        c -> {
          query.setParameter("afterTime", c.createdAt());
          query.setParameter("afterId", c.id().toString());
        });
    List<Wallet> rows = query.setMaxResults(limit + 1).getResultList();
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<Wallet> page = List.copyOf(rows.subList(0, limit));
    Wallet last = page.get(limit - 1);
    return new Page<>(page, Optional.of(PageCursor.after(last.createdAt(), last.id().value())));
  }

  /** Records an export of the wallet's key (flagged in the console). */
  public void exported(WalletId id) {
    Wallet wallet = em.find(Wallet.class, id.toString());
    if (wallet != null) {
      wallet.exported(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
  }

  private Optional<Wallet> find(Subject subject, Chain chain, AddressFormat format, int index) {
    return em.createQuery(
            "SELECT w FROM Wallet w WHERE w.subject = :subject AND w.chain = :chain"
                + " AND w.format = :format AND w.index = :index",
            Wallet.class)
        .setParameter("subject", subject.value())
        .setParameter("chain", chain)
        .setParameter("format", format)
        .setParameter("index", index)
        .getResultStream()
        .findFirst();
  }

  private ChildKey child(JointKey key, Chain chain, AddressFormat format, int index) {
    if (key.curve() == Curve.SECP256K1) {
      return chainCodes.secp256k1(key, chain.path(format, index));
    }
    // Wallet 0 of an ed25519 chain is the key itself (Chain#path), so a seed key exports its seed.
    return index == 0 ? ChildKey.root(key) : chainCodes.ed25519(key, index);
  }

  static String address(Chain chain, AddressFormat format, ChildKey child) {
    if (chain.curve() == Curve.SECP256K1) {
      return WalletAddress.of(
              chain, format, org.planbok.mpc.group.Secp256k1.INSTANCE.decode(child.publicKey()))
          .value();
    }
    return WalletAddress.of(chain, new Ed25519Key(child.publicKey())).value();
  }

  private static boolean isIntegrityViolation(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }
}
