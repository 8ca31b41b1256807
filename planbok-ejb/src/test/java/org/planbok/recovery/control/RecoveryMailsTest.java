package org.planbok.recovery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.mail.MailMessage;

/** The recovery mails say what happened and what to do, and carry a secret only where meant. */
class RecoveryMailsTest {
  private static final String TO = "ada@example.com";
  private static final String ORG = "Acme Payments";
  private static final String KIT = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK";
  private static final Instant STARTED = Instant.parse("2026-11-22T06:41:21Z");
  private static final Instant MATURES = Instant.parse("2026-11-24T06:41:21Z");

  @Test
  void theKitMailHoldsTheKitOnceOnItsOwnLineAndSaysWhatItIsFor() {
    MailMessage kit = RecoveryMails.kit(TO, ORG, KIT);
    assertEquals(TO, kit.to());
    assertEquals("Acme Payments: your wallet recovery kit", kit.subject());
    List<String> lines = kit.body().lines().filter(l -> l.contains(KIT)).toList();
    assertEquals(List.of("Recovery kit: " + KIT), lines);
    assertTrue(kit.body().contains("forget your PIN"));
    assertTrue(kit.body().contains("Any earlier kit no longer"));
    assertFalse(kit.toString().contains(KIT), "toString never shows the body");
    assertFalse(kit.toString().contains(TO));
  }

  @Test
  void theCodeMailHoldsTheCodeAndItsExpiryAndSaysTheCodeAloneRecoversNothing() {
    MailMessage code = RecoveryMails.code(TO, ORG, "042917", MATURES);
    assertTrue(code.body().lines().anyMatch(l -> l.equals("Recovery code: 042917")));
    assertTrue(code.body().contains("2026-11-24 06:41 UTC"));
    assertTrue(code.body().contains("The code alone recovers nothing"));
    assertFalse(code.body().contains(KIT));
  }

  @Test
  void theStartedMailSaysWhenItCompletesAndHowToCancel() {
    MailMessage started = RecoveryMails.started(TO, ORG, STARTED, MATURES);
    assertEquals("Acme Payments: a recovery of your wallet has started", started.subject());
    assertTrue(started.body().contains("started on 2026-11-22 06:41 UTC"));
    assertTrue(started.body().contains("complete after 2026-11-24 06:41 UTC"));
    assertTrue(started.body().contains("cancel the recovery with\nyour PIN"));
  }

  @Test
  void theRecoveredMailSaysHowAndWhetherANewKitFollows() {
    MailMessage withKit = RecoveryMails.recovered(TO, ORG, "your recovery kit", STARTED, true);
    assertTrue(withKit.body().contains("recovered on 2026-11-22 06:41 UTC with your recovery kit"));
    assertTrue(withKit.body().contains("A new recovery kit follows"));
    MailMessage without = RecoveryMails.recovered(TO, ORG, "your security answers", STARTED, false);
    assertFalse(without.body().contains("A new recovery kit follows"));
    assertTrue(without.body().contains("The old PIN no longer works."));
  }

  @Test
  void cancelAndChangeNoticesPointAtThePin() {
    assertTrue(RecoveryMails.cancelled(TO, ORG).body().contains("change it"));
    assertTrue(
        RecoveryMails.methodChanged(TO, ORG, "security questions removed")
            .body()
            .contains("changed with your PIN: security questions removed."));
  }

  @Test
  void rejectsASubjectWithALineBreak() {
    assertThrows(IllegalArgumentException.class, () -> new MailMessage(TO, "a\r\nBcc: x", "b"));
  }

  @Test
  void masksTheAddressItShows() {
    assertEquals("a***@example.com", EmailRecoveries.mask("ada@example.com"));
    assertEquals("*@example.com", EmailRecoveries.mask("a@example.com"));
  }
}
