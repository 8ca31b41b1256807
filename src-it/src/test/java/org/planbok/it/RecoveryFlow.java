package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.planbok.kit.RecoveryAnswers;

/**
 * A customer's recovery calls as an integrator's app makes them: the app derives answersSecret on
 * the device with the client kit, and reads the kit and the codes from the customer's mailbox.
 */
record RecoveryFlow(PinFlow customer, String email) {
  static final String KIT_SUBJECT = "your wallet recovery kit";
  static final String CODE_SUBJECT = "your recovery code";

  static RecoveryFlow of(PinFlow customer) {
    Mailbox.start();
    JsonObject c = customer.tenant().get(customer.path("")).json();
    return new RecoveryFlow(customer, c.getString("email"));
  }

  Tenant tenant() {
    return customer.tenant();
  }

  JsonObject status() {
    Api.Reply reply = tenant().get(customer.path("/recovery"));
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  String answersSecret(List<String> answers) {
    String secret = RecoveryAnswers.derive(answers, status().getString("recoverySalt"));
    SecretsSeen.addText(secret);
    return secret;
  }

  /** Questions given as catalogue ids, or as "text:…" for one's own. */
  Api.Reply setUpQuestions(String pin, List<String> questions, List<String> answers) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (String q : questions) {
      list.add(
          q.startsWith("text:")
              ? Json.createObjectBuilder().add("text", q.substring(5))
              : Json.createObjectBuilder().add("id", q));
    }
    String body =
        Json.createObjectBuilder()
            .add("encryptedSecret", customer.secret(pin))
            .add("questions", list)
            .add("answersSecret", answersSecret(answers))
            .build()
            .toString();
    return post("/recovery/questions", body);
  }

  Api.Reply recoverWithAnswers(List<String> answers, String newPin) {
    return recoverWithSecret(answersSecret(answers), newPin);
  }

  Api.Reply recoverWithSecret(String answersSecret, String newPin) {
    return post(
        "/recovery/questions/recover",
        Json.createObjectBuilder()
            .add("answersSecret", answersSecret)
            .add("newEncryptedSecret", customer.secret(newPin))
            .build()
            .toString());
  }

  Api.Reply removeQuestions(String pin) {
    return post("/recovery/questions/remove", pinBody(pin));
  }

  Api.Reply setUpEmail(String pin) {
    return post("/recovery/email", pinBody(pin));
  }

  /** The newest kit mailed to the customer. */
  String kit() {
    String kit = Mailbox.newest(email, KIT_SUBJECT).orElseThrow().line("Recovery kit: ");
    SecretsSeen.addText(kit);
    return kit;
  }

  Api.Reply sendCode() {
    return post("/recovery/email/start", null);
  }

  /** Asks for a code (asserting 202) and reads it from the mailbox. */
  String code() {
    int before =
        (int) Mailbox.to(email).stream().filter(m -> m.subject().contains(CODE_SUBJECT)).count();
    Api.Reply sent = sendCode();
    assertEquals(202, sent.status(), sent.body());
    String code = Mailbox.await(email, CODE_SUBJECT, before + 1).line("Recovery code: ");
    SecretsSeen.addRaw(code);
    return code;
  }

  Api.Reply confirm(String code, String kit) {
    return post(
        "/recovery/email/confirm",
        Json.createObjectBuilder().add("code", code).add("recoveryKit", kit).build().toString());
  }

  Api.Reply cancel(String pin) {
    return post("/recovery/email/cancel", pinBody(pin));
  }

  Api.Reply complete(String kit, String newPin) {
    return post(
        "/recovery/email/complete",
        Json.createObjectBuilder()
            .add("recoveryKit", kit)
            .add("newEncryptedSecret", customer.secret(newPin))
            .build()
            .toString());
  }

  Api.Reply finish(String pin) {
    return post("/recovery/finish", pinBody(pin));
  }

  private String pinBody(String pin) {
    return Json.createObjectBuilder()
        .add("encryptedSecret", customer.secret(pin))
        .build()
        .toString();
  }

  private Api.Reply post(String rest, String body) {
    return tenant().post(customer.path(rest), body, "rec-" + UUID.randomUUID());
  }
}
