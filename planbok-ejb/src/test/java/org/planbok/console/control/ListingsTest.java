package org.planbok.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.entity.Customer;
import org.planbok.customer.entity.CustomerId;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.keys.entity.ProtocolSession;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.testing.TestDatabase;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.entity.Wallet;
import org.planbok.wallet.entity.WalletId;

class ListingsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final TestDatabase db = TestDatabase.h2();
  private final Listings listings = new Listings();
  private final OrganizationId acme = new OrganizationId(UUID.randomUUID());
  private final OrganizationId rival = new OrganizationId(UUID.randomUUID());

  @BeforeEach
  void wire() {
    listings.em = db.entityManager();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Customer customer(OrganizationId org, String ref, String email, int minutes) {
    Customer c =
        new Customer(
            CustomerId.random(),
            org,
            new ExternalRef(ref),
            new EmailAddress(email),
            NOW.minus(Duration.ofMinutes(minutes)));
    db.run(() -> db.entityManager().persist(c));
    return c;
  }

  private JointKey key(OrganizationId org, Customer owner, boolean frozen) {
    JointKey key =
        new JointKey(
            KeyId.random(),
            org,
            Subject.customer(owner.id()),
            Curve.SECP256K1,
            new byte[33],
            new byte[32],
            new byte[64],
            "g1",
            NOW);
    key.activate();
    if (frozen) {
      key.freeze(NOW);
    }
    db.run(() -> db.entityManager().persist(key));
    return key;
  }

  private void session(OrganizationId org, KeyId key, String operation, boolean ok, Instant at) {
    ProtocolSession s =
        new ProtocolSession(
            UUID.randomUUID().toString().replace("-", ""),
            org,
            "s",
            key,
            operation,
            Curve.SECP256K1,
            at);
    s.finish(ok, ok ? "done" : "refused: BAD_TICKET", Duration.ofMillis(40), at);
    db.run(() -> db.entityManager().persist(s));
  }

  @Test
  void searchMatchesTheStartOfTheReferenceOrTheEmailWithinTheOrganization() {
    customer(acme, "user-4711", "ada@example.com", 3);
    customer(acme, "user-4712", "grace@example.com", 2);
    customer(acme, "vip_1", "User@Example.org", 1);
    customer(rival, "user-9999", "eve@example.com", 0);
    assertEquals(
        List.of("vip_1", "user-4712", "user-4711"),
        refs(tx(() -> listings.customers(acme, "USER", 0, 10))));
    assertEquals(List.of("user-4711"), refs(tx(() -> listings.customers(acme, "ada@", 0, 10))));
    assertEquals(List.of(), refs(tx(() -> listings.customers(acme, "eve", 0, 10))));
    // LIKE's own characters are literal: "vip_" must not match "vipX".
    customer(acme, "vipX", "x@example.com", 0);
    assertEquals(List.of("vip_1"), refs(tx(() -> listings.customers(acme, "vip_", 0, 10))));
    assertEquals(List.of(), refs(tx(() -> listings.customers(acme, "%", 0, 10))));
  }

  @Test
  void pagesAreNumberedWithTheirTotal() {
    for (int i = 0; i < 5; i++) {
      customer(acme, "c-" + i, "c" + i + "@example.com", 10 - i);
    }
    Slice<Customer> second = tx(() -> listings.customers(acme, null, 1, 2));
    assertEquals(List.of("c-2", "c-1"), refs(second));
    assertEquals(5, second.total());
    assertEquals(3, second.pages());
  }

  @Test
  void theDashboardCountsOnlyTheOrganizationsOwnAndTodaysSignatures() {
    Customer ada = customer(acme, "ada", "ada@example.com", 1);
    Customer eve = customer(rival, "eve", "eve@example.com", 1);
    JointKey ours = key(acme, ada, true);
    JointKey theirs = key(rival, eve, true);
    session(acme, ours.id(), "sign", true, NOW.minusSeconds(60));
    session(acme, ours.id(), "sign", true, NOW.minus(Duration.ofDays(1)));
    session(acme, ours.id(), "sign", false, NOW.minusSeconds(30));
    session(rival, theirs.id(), "sign", true, NOW.minusSeconds(60));
    Wallet wallet =
        new Wallet(
            WalletId.random(),
            acme,
            Subject.customer(ada.id()),
            ours.id(),
            Chain.ETHEREUM,
            AddressFormat.EIP55,
            0,
            "0xabc",
            NOW);
    wallet.exported(NOW);
    db.run(() -> db.entityManager().persist(wallet));

    Dashboard d = tx(() -> listings.dashboard(acme, NOW));
    assertEquals(1, d.customers());
    assertEquals(1, d.keys());
    assertEquals(1, d.frozenKeys());
    assertEquals(1, d.wallets());
    assertEquals(1, d.exportedWallets());
    assertEquals(1, d.signaturesToday(), "yesterday's and the failed one do not count");
    assertEquals(1, d.failedSessionsToday());
    assertEquals(1, d.recentFailures().size());
    assertEquals(
        List.of(ours.id()),
        tx(() -> listings.frozenKeys(acme)).stream().map(JointKey::id).toList());
    assertEquals(1, tx(() -> listings.sessions(acme, 0, 10)).total() - 2);
    assertNull(
        tx(() -> listings.wallet(rival, wallet.id().toString())), "another organization's wallet");
    assertEquals(wallet.id(), tx(() -> listings.wallet(acme, wallet.id().toString())).id());
  }

  private <T> T tx(java.util.function.Supplier<T> read) {
    return db.inTransaction(read);
  }

  private static List<String> refs(Slice<Customer> slice) {
    return slice.items().stream().map(c -> c.externalRef().value()).toList();
  }
}
