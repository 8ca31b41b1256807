package org.planbok.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbok.audit.control.AuditChain;
import org.planbok.audit.control.AuditLog;
import org.planbok.audit.control.TestAuditLog;
import org.planbok.audit.entity.AuditEntry;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.organization.entity.Organization;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.organization.entity.OrganizationName;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;
import org.planbok.testing.TestDatabase;

class ConsoleUsersTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final TestDatabase db = TestDatabase.h2();
  private final AuditLog audit = TestAuditLog.on(db);
  private final ConsoleUsers users = new ConsoleUsers();
  private final OrganizationId acme = new OrganizationId(UUID.randomUUID());
  private final OrganizationId other = new OrganizationId(UUID.randomUUID());

  @BeforeEach
  void wire() {
    users.em = db.entityManager();
    users.passwords =
        ConsolePasswords.with(org.planbok.atrest.DatabaseKey.of(new byte[32]), 1024, 1, 1);
    users.audit = audit;
    users.notices = new AdminNotices();
    users.notices.em = db.entityManager();
    users.notices.mailer =
        new org.planbok.mail.Mailer() {
          @Override
          public boolean configured() {
            return false; // no mail settings: the action stands, nothing is sent
          }
        };
    users.throttle = SignInThrottle.with(3, Duration.ofMinutes(1), Duration.ofMinutes(10), 20);
    at(T0);
    for (OrganizationId id : List.of(acme, other)) {
      db.run(() -> db.entityManager().persist(new Organization(id, new OrganizationName("o"), T0)));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void at(Instant now) {
    users.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private NewConsoleUser create(OrganizationId org, String email, ConsoleRole role) {
    return db.inTransaction(() -> users.create(org, new EmailAddress(email), role));
  }

  private SignIn signIn(String email, char[] password) {
    return signIn(email, "198.51.100.7", password);
  }

  private SignIn signIn(String email, String client, char[] password) {
    return db.inTransaction(() -> users.signIn(email, client, password));
  }

  @Test
  void theOperatorTokenMakesOnlyAnOrganizationsFirstAdmin() {
    NewConsoleUser first =
        db.inTransaction(
            () -> users.createFirstAdmin(acme, new EmailAddress("first@acme.example")));
    assertEquals(ConsoleRole.ADMIN, first.user().role());
    Refused second =
        assertThrows(
            Refused.class,
            () ->
                db.inTransaction(
                    () -> users.createFirstAdmin(acme, new EmailAddress("second@evil.example"))));
    assertEquals(Refusal.ADMIN_EXISTS, second.reason());
    assertEquals(1, db.inTransaction(() -> users.list(acme)).size());
    // Another organization still gets its own first admin.
    db.inTransaction(() -> users.createFirstAdmin(other, new EmailAddress("first@other.example")));
  }

  @Test
  void aNewUserSignsInWithTheGeneratedPasswordAndAnyCaseOfTheirAddress() {
    NewConsoleUser ada = create(acme, "Ada@Example.com", ConsoleRole.ADMIN);
    assertEquals("ada@example.com", ada.user().email());
    SignIn in = signIn("ADA@example.COM", ada.password());
    ConsoleUser user = assertInstanceOf(SignIn.SignedIn.class, in).user();
    assertEquals(acme, user.organization());
    assertEquals(ConsoleRole.ADMIN, user.role());
    assertTrue(db.inTransaction(() -> users.current(user.id(), 0)).isPresent());
  }

  @Test
  void unknownAddressesWrongPasswordsAndDisabledUsersLookAlike() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    NewConsoleUser bob = create(acme, "bob@example.com", ConsoleRole.ADMIN);
    db.run(() -> users.disable(acme, bob.user().id()));
    assertInstanceOf(SignIn.Refused.class, signIn("nobody@example.com", ada.password()));
    assertInstanceOf(SignIn.Refused.class, signIn("not an address", ada.password()));
    assertInstanceOf(
        SignIn.Refused.class, signIn("ada@example.com", "wrong password".toCharArray()));
    assertInstanceOf(SignIn.Refused.class, signIn("bob@example.com", bob.password()));
  }

  @Test
  void aStrangersWrongPasswordsDoNotLockTheAdminOut() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    char[] wrong = "wrong password".toCharArray();
    for (int i = 0; i < 6; i++) {
      signIn("ada@example.com", "203.0.113.66", wrong);
    }
    assertInstanceOf(
        SignIn.Throttled.class, signIn("ada@example.com", "203.0.113.66", ada.password()));
    assertInstanceOf(
        SignIn.SignedIn.class, signIn("ada@example.com", "198.51.100.7", ada.password()));
  }

  @Test
  void oneClientIsThrottledAcrossAccountsKnownOrNot() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    char[] wrong = "wrong password".toCharArray();
    // One try each at many addresses, most unknown: twenty in all pause the client.
    for (int i = 0; i < 19; i++) {
      assertInstanceOf(
          SignIn.Refused.class, signIn("u" + i + "@example.com", "203.0.113.9", wrong));
    }
    assertInstanceOf(SignIn.Throttled.class, signIn("ada@example.com", "203.0.113.9", wrong));
    assertInstanceOf(
        SignIn.Throttled.class, signIn("ada@example.com", "203.0.113.9", ada.password()));
    // An unknown address is throttled like a known one: the answers do not tell them apart.
    assertInstanceOf(SignIn.Throttled.class, signIn("nobody@example.com", "203.0.113.9", wrong));
    assertInstanceOf(SignIn.SignedIn.class, signIn("ada@example.com", ada.password()));
  }

  @Test
  void concurrentGuessesAreAllCountedBeforeTheirCheck() {
    SignInThrottle t = SignInThrottle.with(3, Duration.ofMinutes(1), Duration.ofMinutes(10), 100);
    int admitted = 0;
    for (int i = 0; i < 10; i++) {
      // Ten guesses in flight at once: none has been checked yet when the next arrives.
      if (t.admit("ada@example.com", "203.0.113.1", T0).isEmpty()) {
        admitted++;
      }
    }
    assertEquals(3, admitted);
  }

  @Test
  void wrongPasswordsLockTheAccountForADoublingTime() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    char[] wrong = "wrong password".toCharArray();
    assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", wrong));
    assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", wrong));
    SignIn.Throttled first =
        assertInstanceOf(SignIn.Throttled.class, signIn("ada@example.com", wrong));
    assertEquals(T0.plusSeconds(60), first.until());
    // While locked even the right password is not checked.
    assertInstanceOf(SignIn.Throttled.class, signIn("ada@example.com", ada.password()));
    at(T0.plusSeconds(61));
    for (int i = 0; i < 2; i++) {
      assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", wrong));
    }
    SignIn.Throttled second =
        assertInstanceOf(SignIn.Throttled.class, signIn("ada@example.com", wrong));
    assertEquals(T0.plusSeconds(61 + 120), second.until());
    at(T0.plusSeconds(61 + 121));
    assertInstanceOf(SignIn.SignedIn.class, signIn("ada@example.com", ada.password()));
    // A success resets the count: three more wrong ones lock for a minute again.
    assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", wrong));
    assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", wrong));
    assertEquals(
        T0.plusSeconds(61 + 121 + 60),
        assertInstanceOf(SignIn.Throttled.class, signIn("ada@example.com", wrong)).until());
  }

  @Test
  void changingThePasswordEndsOtherSessionsAndNeedsTheCurrentOne() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    ConsoleUser user = ada.user();
    Refused wrong =
        assertThrows(
            Refused.class,
            () ->
                db.inTransaction(
                    () ->
                        users.changePassword(
                            user.id(),
                            "not it at all".toCharArray(),
                            "a new password!".toCharArray())));
    assertEquals(Refusal.WRONG_PASSWORD, wrong.reason());
    db.inTransaction(
        () -> users.changePassword(user.id(), ada.password(), "a new password!".toCharArray()));
    assertTrue(db.inTransaction(() -> users.current(user.id(), 0)).isEmpty());
    assertTrue(db.inTransaction(() -> users.current(user.id(), 1)).isPresent());
    assertInstanceOf(SignIn.Refused.class, signIn("ada@example.com", ada.password()));
    assertInstanceOf(
        SignIn.SignedIn.class, signIn("ada@example.com", "a new password!".toCharArray()));
  }

  @Test
  void theLastActiveAdminCanNeitherBeDemotedNorDisabled() {
    ConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN).user();
    ConsoleUser vic = create(acme, "vic@example.com", ConsoleRole.VIEWER).user();
    for (Runnable change :
        List.<Runnable>of(
            () -> users.disable(acme, ada.id()),
            () -> users.changeRole(acme, ada.id(), ConsoleRole.VIEWER))) {
      Refused e = assertThrows(Refused.class, () -> db.run(change));
      assertEquals(Refusal.LAST_ADMIN, e.reason());
    }
    db.run(() -> users.changeRole(acme, vic.id(), ConsoleRole.ADMIN));
    db.run(() -> users.disable(acme, ada.id()));
    assertTrue(db.inTransaction(() -> users.current(ada.id(), 0)).isEmpty());
  }

  @Test
  void anotherOrganizationsUserIsNotFound() {
    ConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN).user();
    create(other, "oscar@example.com", ConsoleRole.ADMIN);
    Refused e = assertThrows(Refused.class, () -> db.run(() -> users.disable(other, ada.id())));
    assertEquals(Refusal.NOT_FOUND, e.reason());
    assertEquals(1, db.inTransaction(() -> users.list(other)).size());
  }

  @Test
  void addressesAreUniqueAcrossOrganizations() {
    create(acme, "ada@example.com", ConsoleRole.ADMIN);
    Refused e =
        assertThrows(Refused.class, () -> create(other, "ADA@example.com", ConsoleRole.VIEWER));
    assertEquals(Refusal.ALREADY_EXISTS, e.reason());
    assertEquals("email", e.input());
  }

  @Test
  void signInsAndChangesAreAuditedWithoutSecrets() {
    NewConsoleUser ada = create(acme, "ada@example.com", ConsoleRole.ADMIN);
    signIn("ada@example.com", "wrong password".toCharArray());
    signIn("ada@example.com", ada.password());
    List<AuditEntry> rows =
        db.inTransaction(() -> audit.page(AuditChain.of(acme), Optional.empty(), 10));
    assertEquals(
        List.of("console.sign-in:OK", "console.sign-in:WRONG_PASSWORD", "console-user.create:OK"),
        rows.stream().map(r -> r.action() + ":" + r.outcome()).toList());
    assertEquals("console:ada@example.com", rows.get(0).actor());
    String password = new String(ada.password());
    for (AuditEntry row : rows) {
      assertTrue(!row.detail().contains(password) && !row.detail().contains("wrong password"));
    }
    assertTrue(db.inTransaction(() -> audit.verify(AuditChain.of(acme))).ok());
  }
}
