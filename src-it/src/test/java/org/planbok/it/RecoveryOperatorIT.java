package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.StartRecoveryReply;

/**
 * Nothing the two servers hold, together with the customer's mailbox, lets an operator recover a
 * key without the customer's kit or answers. The operator here has everything but those: both
 * databases in full, the operator token, the organization's API key, Node 1's own identity towards
 * Node 2 (so every request a compromised Node 1 could send), and every message in the customer's
 * mailbox except the kit: the codes, the notices. A recovery by email the customer started has even
 * matured. Out of scope, as the design says: Node 2's master key (a KMS or HSM in production),
 * which with Node 2's database would let anyone test PIN or answer guesses offline; the kit's 256
 * random bits would still hold.
 */
@ExtendWith(ArquillianExtension.class)
class RecoveryOperatorIT {
  private static final Pattern BASE64URL_43 = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void everythingButTheKitAndTheAnswersRecoversNothing() throws Exception {
    api.awaitReadiness();
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Operator Co"), "515000");
    RecoveryFlow recovery = RecoveryFlow.of(customer);
    RecoveryWallets wallets = RecoveryWallets.of(customer, "515000");
    assertEquals(
        201,
        recovery
            .setUpQuestions(
                "515000", RecoveryByQuestionsIT.QUESTIONS, RecoveryByQuestionsIT.ANSWERS)
            .status());
    assertEquals(201, recovery.setUpEmail("515000").status());
    String kit = recovery.kit();
    String answers = recovery.answersSecret(RecoveryByQuestionsIT.ANSWERS);
    // The customer started a recovery by email, which has matured: only the kit completes it.
    Api.Reply confirmed = recovery.confirm(recovery.code(), kit);
    assertEquals(202, confirmed.status(), confirmed.body());
    Instant matures = Instant.parse(confirmed.json().getString("maturesAt"));
    Mailbox.sleep(Math.max(0, matures.toEpochMilli() - System.currentTimeMillis()) + 500);

    // What the operator has.
    List<byte[]> binaries = new ArrayList<>();
    StringBuilder texts = new StringBuilder();
    dump("planbok_it_node1", binaries, texts);
    dump("planbok_it_node2", binaries, texts);
    for (Mailbox.Mail m : Mailbox.to(recovery.email())) {
      if (!m.subject().contains(RecoveryFlow.KIT_SUBJECT)) {
        texts.append(m.subject()).append('\n').append(m.body()).append('\n');
      }
    }
    texts.append(Tenant.operatorToken());

    // 1. Neither the kit, nor the answers' secret, nor the vault key, nor the share is in it.
    byte[] kitBytes = Base64.getUrlDecoder().decode(kit);
    byte[] answerBytes = Base64.getUrlDecoder().decode(answers);
    String hay = texts + "\n" + hexAll(binaries);
    try (Node1Link node2 = Node1Link.open()) {
      byte[] pinPepper =
          node2
              .check(customer.subject(), Base64.getUrlDecoder().decode(customer.secret("515000")))
              .getAccepted()
              .getPepper()
              .toByteArray();
      SecretsSeen.add(pinPepper);
      byte[] vaultKey =
          CompromisedNode1.vaultKey(
              customer.subject(),
              "pin",
              pinPepper,
              Base64.getUrlDecoder().decode(customer.secret("515000")),
              Node1Rows.bytes(
                  "SELECT wrapped_key FROM vault_wrapping WHERE id = ?",
                  customer.subject() + "/pin"));
      for (byte[] secret : List.of(kitBytes, answerBytes, vaultKey)) {
        for (String form : forms(secret)) {
          assertFalse(hay.contains(form), "a secret the operator must not have is in the dumps");
        }
        for (byte[] b : binaries) {
          assertFalse(java.util.Arrays.equals(b, secret));
        }
      }
    }

    // 2. As Node 1 towards Node 2, every candidate the operator holds is tried as the kit and as
    //    the answers: none is accepted, and Node 2 locks after a handful.
    Set<String> candidates = new LinkedHashSet<>();
    for (byte[] b : binaries) {
      if (b.length == 32) {
        candidates.add(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
      }
    }
    Matcher m = BASE64URL_43.matcher(texts);
    while (m.find() && candidates.size() < 3000) {
      candidates.add(m.group());
    }
    assertTrue(candidates.size() > 20, "the operator has candidates: " + candidates.size());
    int locked = 0;
    try (Node1Link node2 = Node1Link.open()) {
      for (String candidate : candidates) {
        byte[] guess;
        try {
          guess = Base64.getUrlDecoder().decode(candidate);
        } catch (IllegalArgumentException e) {
          continue;
        }
        CheckReply asKit = node2.check(customer.subject(), Purpose.EMAIL, guess);
        CheckReply asAnswers = node2.check(customer.subject(), Purpose.QUESTIONS, guess);
        StartRecoveryReply start = node2.startRecovery(customer.subject(), guess);
        assertFalse(asKit.hasAccepted() || asAnswers.hasAccepted() || start.hasStarted());
        locked += asKit.hasLocked() && asAnswers.hasLocked() ? 1 : 0;
      }
    }
    assertTrue(locked > 0, "Node 2 locked both recovery secrets");

    // 3. Through the API with the organization's key: the same, and the operator token is no key.
    Api.Reply byKit = recovery.complete(candidates.iterator().next(), "666600");
    assertTrue(byKit.status() == 403 || byKit.status() == 423, byKit.body());
    Api.Reply byAnswers = recovery.recoverWithSecret(candidates.iterator().next(), "666600");
    assertTrue(byAnswers.status() == 403 || byAnswers.status() == 423, byAnswers.body());
    Api.Reply asOperator =
        api.send(
            "GET",
            customer.path("/recovery"),
            null,
            "Authorization",
            "Bearer " + Tenant.operatorToken());
    assertEquals(401, asOperator.status());

    // The customer's wallets are as they were: the PIN still signs, nothing was recovered.
    wallets.signWith("515000");
    assertTrue(recovery.status().isNull("lastRecovery"));
  }

  /** Every column of every table, binary ones as bytes and all others as text. */
  private static void dump(String database, List<byte[]> binaries, StringBuilder texts)
      throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertTrue(tables.size() > 3, database + ": " + tables);
      for (String table : tables) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              int type = meta.getColumnType(i);
              if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                byte[] b = rs.getBytes(i);
                if (b != null) {
                  binaries.add(b);
                }
              } else {
                String s = rs.getString(i);
                if (s != null) {
                  texts.append(s).append('\n');
                }
              }
            }
          }
        }
      }
    }
  }

  private static String hexAll(List<byte[]> binaries) {
    StringBuilder out = new StringBuilder();
    for (byte[] b : binaries) {
      out.append(HexFormat.of().formatHex(b)).append('\n');
      out.append(Base64.getEncoder().encodeToString(b)).append('\n');
      out.append(new String(b, StandardCharsets.ISO_8859_1)).append('\n');
    }
    return out.toString();
  }

  private static List<String> forms(byte[] secret) {
    return List.of(
        HexFormat.of().formatHex(secret),
        Base64.getEncoder().encodeToString(secret),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }
}
