package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.RecoveryNotReady;

/**
 * Recovery by email on the real servers, with a real SMTP server (GreenMail) as the customer's
 * mailbox: the kit mailed at setup, a code, the waiting period (5 s here, two days by default)
 * enforced by Node 2, a cancellation by a PIN holder, and the completion with a new PIN after which
 * the same addresses sign and the old PIN, the old kit and the old copies open nothing. Wrong codes
 * and kits are counted and lock; codes are rate-limited.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryByEmailIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void aForgottenPinIsRecoveredByEmailAfterTheWaitingPeriod() throws Exception {
    api.awaitReadiness();
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Mail Co"), "246800");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    RecoveryWallets wallets = RecoveryWallets.of(customer, "246800");

    Api.Reply set = recovery.setUpEmail("246800");
    assertEquals(201, set.status(), set.body());
    assertEquals("SET", set.json().getJsonObject("email").getString("state"));
    String kit = recovery.kit();
    assertEquals(43, kit.length());
    String subject = customer.subject();
    byte[] oldWrapping =
        Node1Rows.bytes("SELECT wrapped_key FROM vault_wrapping WHERE id = ?", subject + "/email");

    // Nothing waits yet: completing is refused by Node 1, and Node 2 would refuse as well.
    assertProblem(recovery.complete(kit, "135700"), 409, "recovery-not-started");
    try (Node1Link node2 = Node1Link.open()) {
      CheckReply direct = node2.check(subject, Purpose.EMAIL, Base64.getUrlDecoder().decode(kit));
      assertEquals(RecoveryNotReady.State.NOT_STARTED, direct.getRecoveryNotReady().getState());
    }

    Api.Reply confirmed = recovery.confirm(recovery.code(), kit);
    assertEquals(202, confirmed.status(), confirmed.body());
    assertEquals("WAITING", confirmed.json().getString("state"));
    Instant matures = Instant.parse(confirmed.json().getString("maturesAt"));
    Mailbox.Mail notice =
        Mailbox.await(recovery.email(), "a recovery of your wallet has started", 1);
    assertTrue(notice.body().contains("cancel"), notice.body());
    assertEquals(
        "WAITING",
        recovery.status().getJsonObject("email").getJsonObject("recovery").getString("state"));

    // The wait is Node 2's: too early, neither the API nor Node 1's own link gets the pepper.
    Api.Reply early = recovery.complete(kit, "135700");
    assertProblem(early, 409, "recovery-waiting");
    assertNotNull(early.header("Retry-After"));
    try (Node1Link node2 = Node1Link.open()) {
      CheckReply direct = node2.check(subject, Purpose.EMAIL, Base64.getUrlDecoder().decode(kit));
      assertEquals(RecoveryNotReady.State.WAITING, direct.getRecoveryNotReady().getState());
    }
    Mailbox.sleep(Math.max(0, matures.toEpochMilli() - System.currentTimeMillis()) + 500);

    Api.Reply recovered = recovery.complete(kit, "135700");
    assertEquals(200, recovered.status(), recovered.body());
    JsonObject outcome = recovered.json();
    assertEquals("email", outcome.getString("method"));
    assertEquals(2, outcome.getJsonArray("keysRefreshed").size());
    assertEquals("SENT", outcome.getString("emailKit"));
    Mailbox.await(recovery.email(), RecoveryFlow.KIT_SUBJECT, 2);
    String newKit = recovery.kit();
    assertNotEquals(kit, newKit, "a fresh kit");
    assertTrue(
        Mailbox.await(recovery.email(), "your wallet was recovered", 1)
            .body()
            .contains("A new recovery kit follows"));

    wallets.signWith("135700");
    assertProblem(customer.verify("246800"), 403, "wrong-pin");
    // The used kit is gone at Node 2, so the old wrapping (a backup of Node 1) stays shut.
    Mailbox.sleep(2100);
    assertProblem(recovery.confirm(recovery.code(), kit), 403, "wrong-recovery-kit");
    try (Node1Link node2 = Node1Link.open()) {
      assertTrue(
          node2.check(subject, Purpose.EMAIL, Base64.getUrlDecoder().decode(kit)).hasRejected());
    }
    assertFalse(
        java.util.Arrays.equals(
            oldWrapping,
            Node1Rows.bytes(
                "SELECT wrapped_key FROM vault_wrapping WHERE id = ?", subject + "/email")));
  }

  @Test
  void aPinHolderCancelsAndTheRecoveryNeverCompletes() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Cancel Co"), "369000");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertEquals(201, recovery.setUpEmail("369000").status());
    String kit = recovery.kit();
    Api.Reply confirmed = recovery.confirm(recovery.code(), kit);
    assertEquals(202, confirmed.status(), confirmed.body());
    Instant matures = Instant.parse(confirmed.json().getString("maturesAt"));

    assertProblem(recovery.cancel("000000"), 403, "wrong-pin");
    Api.Reply cancelled = recovery.cancel("369000");
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals(1, cancelled.json().getInt("cancelled"));
    Mailbox.await(recovery.email(), "was cancelled", 1);

    Mailbox.sleep(Math.max(0, matures.toEpochMilli() - System.currentTimeMillis()) + 500);
    assertProblem(recovery.complete(kit, "111100"), 409, "recovery-not-started");
    try (Node1Link node2 = Node1Link.open()) {
      CheckReply direct =
          node2.check(customer.subject(), Purpose.EMAIL, Base64.getUrlDecoder().decode(kit));
      assertEquals(RecoveryNotReady.State.NOT_STARTED, direct.getRecoveryNotReady().getState());
    }
    assertEquals(200, customer.verify("369000").status(), "the PIN stays");
  }

  @Test
  void wrongCodesAndKitsAreCountedAndLockAndCodesAreRateLimited() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Brute Co"), "808000");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertProblem(recovery.sendCode(), 409, "secret-not-set");
    assertEquals(201, recovery.setUpEmail("808000").status());
    String kit = recovery.kit();

    String code = recovery.code();
    String wrongCode = code.equals("000000") ? "000001" : "000000";
    for (int left = 4; left >= 0; left--) {
      Api.Reply wrong = recovery.confirm(wrongCode, kit);
      assertProblem(wrong, 403, "wrong-recovery-code");
      assertEquals(left, wrong.json().getInt("attemptsLeft"));
      assertEquals("code", wrong.json().getString("field"));
    }
    assertProblem(recovery.confirm(code, kit), 409, "recovery-code-invalid");
    Api.Reply tooSoon = recovery.sendCode();
    assertProblem(tooSoon, 429, "rate-limited");
    assertNotNull(tooSoon.header("Retry-After"));

    Mailbox.sleep(2100);
    String second = recovery.code();
    String wrongKit = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    for (int left = 4; left >= 1; left--) {
      Api.Reply wrong = recovery.confirm(second, wrongKit);
      assertProblem(wrong, 403, "wrong-recovery-kit");
      assertEquals(left, wrong.json().getInt("attemptsLeft"));
      assertEquals("recoveryKit", wrong.json().getString("field"));
    }
    assertProblem(recovery.confirm(second, wrongKit), 423, "locked");
    assertProblem(recovery.confirm(second, kit), 423, "locked");

    // At most five codes a day.
    for (int i = 0; i < 3; i++) {
      Mailbox.sleep(2100);
      recovery.code();
    }
    Mailbox.sleep(2100);
    assertProblem(recovery.sendCode(), 429, "rate-limited");
  }
}
