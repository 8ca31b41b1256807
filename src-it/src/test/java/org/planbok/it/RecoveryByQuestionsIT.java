package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.node2.api.Purpose;

/**
 * Recovery by security questions on the real servers: a customer who forgot the PIN answers the
 * questions (typed differently: the kit normalises), sets a new PIN, and the same addresses sign
 * with it; the old PIN and every copy Node 1 held before open nothing that still signs. Wrong
 * answers are counted by Node 2 and lock after three; changing or removing the questions needs the
 * PIN.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryByQuestionsIT {
  static final List<String> QUESTIONS =
      List.of("first-pet", "text:Which café did we first meet in?", "first-car");
  static final List<String> ANSWERS = List.of("Rex", "Café de Flore", "Golf GTI");
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void theCatalogueHasTenQuestionsWithStableIds() {
    Tenant tenant = Tenant.create(api, "Catalogue Co");
    Api.Reply reply = tenant.get("/api/v1/recovery/questions");
    assertEquals(200, reply.status(), reply.body());
    JsonArray items = reply.json().getJsonArray("items");
    assertEquals(10, items.size());
    assertEquals("first-pet", items.getJsonObject(0).getString("id"));
    assertFalse(items.getJsonObject(0).getString("text").isBlank());
    Api.Reply openApi = api.get("/openapi");
    assertEquals(200, openApi.status());
    for (String path :
        List.of(
            "/api/v1/recovery/questions",
            "/api/v1/customers/{id}/recovery",
            "/api/v1/customers/{id}/recovery/finish",
            "/api/v1/customers/{id}/recovery/questions/recover",
            "/api/v1/customers/{id}/recovery/email/complete")) {
      assertTrue(openApi.body().contains(path), path);
    }
  }

  @Test
  void aForgottenPinIsRecoveredByTheAnswersAndNothingOldOpensAnythingAfter() throws Exception {
    api.awaitReadiness();
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Questions Co"), "482100");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    RecoveryWallets wallets = RecoveryWallets.of(customer, "482100");
    wallets.signWith("482100");

    Api.Reply set = recovery.setUpQuestions("482100", QUESTIONS, ANSWERS);
    assertEquals(201, set.status(), set.body());
    JsonObject questions = recovery.status().getJsonObject("questions");
    assertEquals("SET", questions.getString("state"));
    assertEquals(
        "Which café did we first meet in?",
        questions.getJsonArray("items").getJsonObject(1).getString("text"));
    assertTrue(questions.getJsonArray("items").getJsonObject(1).isNull("id"));
    Mailbox.await(recovery.email(), "recovery settings changed", 1);

    // What Node 1 held before the recovery: the answers' wrapping and the share sealed with it.
    String subject = customer.subject();
    String key = wallets.ecdsaKey();
    byte[] oldWrapping =
        Node1Rows.bytes(
            "SELECT wrapped_key FROM vault_wrapping WHERE id = ?", subject + "/questions");
    byte[] oldShare = Node1Rows.bytes("SELECT sealed_share FROM joint_key WHERE id = ?", key);
    String oldGeneration =
        Node1Database.query("SELECT generation FROM joint_key WHERE id = ?", key);
    String oldPin = customer.secret("482100");

    // The PIN is forgotten; the answers, typed differently, still recover.
    Api.Reply recovered =
        recovery.recoverWithAnswers(List.of(" rex ", "CAFÉ  de\u00A0flore", "Ｇｏｌｆ ＧＴＩ"), "739000");
    assertEquals(200, recovered.status(), recovered.body());
    JsonObject outcome = recovered.json();
    assertEquals("questions", outcome.getString("method"));
    assertEquals(2, outcome.getJsonArray("keysRefreshed").size());
    assertEquals("NOT_SET", outcome.getString("emailKit"));
    assertTrue(outcome.getBoolean("finished"));
    Mailbox.await(recovery.email(), "your wallet was recovered", 1);
    // Every step is in the organization's audit chain, as the API key that asked for it.
    List<String> trail =
        Node1Database.auditOf(
            subject,
            "recovery.questions SET",
            "recovery.questions.check ACCEPTED",
            "recovery.new-pin ENROLLED",
            "recovery.rotate DONE",
            "recovery.finish DONE");
    for (String step :
        List.of(
            "recovery.questions SET",
            "recovery.questions.check ACCEPTED",
            "recovery.new-pin ENROLLED",
            "recovery.rotate DONE",
            "recovery.finish DONE")) {
      assertTrue(
          trail.stream().anyMatch(row -> row.startsWith(step + " api-key:")),
          step + " in " + trail);
    }
    JsonObject after = recovery.status();
    assertEquals("SET", after.getJsonObject("questions").getString("state"), "the answers stay");
    assertEquals("questions", after.getJsonObject("lastRecovery").getString("method"));

    // The same addresses sign with the new PIN; the old one is refused.
    wallets.signWith("739000");
    List<String> sessions = Node1Database.auditOf(key, "session.sign DONE", "session.refresh DONE");
    assertTrue(
        sessions.stream().anyMatch(r -> r.startsWith("session.sign DONE api-key:")),
        "every protocol session is in the audit chain: " + sessions);
    assertProblem(customer.verify("482100"), 403, "wrong-pin");
    assertProblem(wallets.signReply("482100", wallets.ethereum()), 403, "wrong-pin");

    try (Node1Link node2 = Node1Link.open()) {
      // The old PIN gets no pepper from Node 2 any more: its old wrapping stays shut.
      assertFalse(node2.check(subject, Base64.getUrlDecoder().decode(oldPin)).hasAccepted());
      // The answers still get theirs, and open the old wrapping (a backup of Node 1) ...
      byte[] answers = Base64.getUrlDecoder().decode(recovery.answersSecret(ANSWERS));
      byte[] pepper =
          node2.check(subject, Purpose.QUESTIONS, answers).getAccepted().getPepper().toByteArray();
      SecretsSeen.add(pepper);
      byte[] oldVault =
          CompromisedNode1.vaultKey(subject, "questions", pepper, answers, oldWrapping);
      BigInteger oldXb =
          RecoveryWallets.xB(CompromisedNode1.share(oldVault, key, oldGeneration, oldShare));
      // ... whose vault key opens no share Node 1 holds now ...
      byte[] share = Node1Rows.bytes("SELECT sealed_share FROM joint_key WHERE id = ?", key);
      String generation = Node1Database.query("SELECT generation FROM joint_key WHERE id = ?", key);
      assertNotEquals(oldGeneration, generation, "the key was refreshed");
      assertThrows(Exception.class, () -> CompromisedNode1.share(oldVault, key, generation, share));
      // ... and whose old share no longer makes the key with Node 2's: it was refreshed away.
      String newPin = customer.secret("739000");
      BigInteger xB = CompromisedNode1.ecdsaShare(node2, subject, newPin, key).xB();
      assertNotEquals(oldXb, xB);
      byte[] newPinKey = DeviceKeys.pinKey(customer.salt(), "739000");
      // A recovered PIN exports nothing for planbok.node2.exports.after-pin-replaced (3 s here).
      Thread.sleep(3500);
      assertTrue(wallets.makesTheKey(node2, newPinKey, xB), "the current shares make the key");
      assertFalse(wallets.makesTheKey(node2, newPinKey, oldXb), "the old share makes nothing");
    }
  }

  @Test
  void wrongAnswersAreCountedAndLockAfterThreeEvenForTheRightOnes() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Guess Co"), "159300");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertEquals(201, recovery.setUpQuestions("159300", QUESTIONS, ANSWERS).status());
    for (int left = 2; left >= 1; left--) {
      Api.Reply wrong =
          recovery.recoverWithAnswers(List.of("Max", "Café de Flore", "Golf GTI"), "000000");
      assertProblem(wrong, 403, "wrong-answers");
      assertEquals(left, wrong.json().getInt("attemptsLeft"));
      assertEquals("answersSecret", wrong.json().getString("field"));
    }
    Api.Reply locking = recovery.recoverWithAnswers(List.of("Rex", "Flore", "Golf GTI"), "000000");
    assertProblem(locking, 423, "locked");
    assertNotNull(locking.header("Retry-After"));
    // Locked for a day (doubling up to 30): even the right answers are refused, unevaluated.
    assertProblem(recovery.recoverWithAnswers(ANSWERS, "000000"), 423, "locked");
    assertEquals(200, customer.verify("159300").status(), "the PIN is untouched");
    // The refusals stay in the audit chain although each request failed.
    List<String> trail =
        Node1Database.auditOf(
            customer.subject(),
            "recovery.questions.check REFUSED",
            "recovery.questions.check REFUSED",
            "recovery.questions.check REFUSED");
    assertTrue(
        trail.stream().filter(r -> r.startsWith("recovery.questions.check REFUSED ")).count() >= 3,
        trail.toString());
    assertFalse(trail.stream().anyMatch(r -> r.contains("ACCEPTED")), trail.toString());
  }

  @Test
  void settingUpReplacingOrRemovingTheQuestionsNeedsThePin() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Change Co"), "864200");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertProblem(recovery.setUpQuestions("000000", QUESTIONS, ANSWERS), 403, "wrong-pin");
    assertEquals("NOT_SET", recovery.status().getJsonObject("questions").getString("state"));
    assertEquals(201, recovery.setUpQuestions("864200", QUESTIONS, ANSWERS).status());
    List<String> others = List.of("Max", "Le Select", "Polo");
    assertEquals(200, recovery.setUpQuestions("864200", QUESTIONS, others).status(), "replaced");
    assertProblem(recovery.recoverWithAnswers(ANSWERS, "111100"), 403, "wrong-answers");
    assertProblem(recovery.removeQuestions("000000"), 403, "wrong-pin");
    assertEquals(200, recovery.removeQuestions("864200").status());
    assertProblem(recovery.recoverWithAnswers(others, "111100"), 409, "secret-not-set");
    assertProblem(recovery.removeQuestions("864200"), 409, "secret-not-set");
  }

  @Test
  void badQuestionsAreRefusedNamingTheItem() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Input Co"), "753100");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertField(
        recovery.setUpQuestions("753100", List.of("first-pet", "first-car"), List.of("a", "b")),
        400,
        "questions");
    assertField(
        recovery.setUpQuestions("753100", List.of("first-pet", "no-such", "first-car"), ANSWERS),
        400,
        "questions[1].id");
    assertField(
        recovery.setUpQuestions("753100", List.of("first-pet", "text:Why?", "first-car"), ANSWERS),
        400,
        "questions[1].text");
    assertField(
        recovery.setUpQuestions("753100", List.of("first-pet", "first-pet", "first-car"), ANSWERS),
        400,
        "questions");
    String mixed =
        "{\"encryptedSecret\": \""
            + customer.secret("753100")
            + "\", \"questions\": [{\"id\":"
            + " \"first-pet\", \"colour\": \"red\"}], \"answersSecret\": \""
            + customer.secret("753100")
            + "\"}";
    Api.Reply unknown =
        customer.tenant().post(customer.path("/recovery/questions"), mixed, "q-unknown");
    assertField(unknown, 400, "questions[0].colour");
    assertEquals("NOT_SET", recovery.status().getJsonObject("questions").getString("state"));
  }

  private static void assertField(Api.Reply reply, int status, String field) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals(field, reply.json().getString("field"), reply.body());
  }
}
