package org.planbok.node2.store.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.keys.entity.KeyShareRecord;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.secrets.control.CheckOutcome.Accepted;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TestDatabase;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * Reads every column of every row of Node 2's tables as raw bytes and looks for the secrets it
 * holds: the key share, the Paillier primes, the customer's secret, the verifier, the pepper, the
 * pepper key and the master key, raw, hex or base64. None may appear.
 */
class NoSecretsInClearTest {
  private static final Subject CUSTOMER = Subject.of("customer:1");

  private static final List<String> TABLES =
      List.of(
          "node2_key_share",
          "node2_secret_verifier",
          "node2_recovery",
          "node2_sealed_key",
          "node2_ticket",
          "node2_audit",
          "node2_audit_head");

  private static final java.util.Set<Integer> BINARY =
      java.util.Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void theDatabaseHoldsNoShareNoPaillierSecretAndNoVerifierInClear(String kind) throws Exception {
    byte[] masterKey = Node2Beans.randomKey();
    try (TestDatabase db = TestDatabase.named(kind)) {
      Node2Beans beans = new Node2Beans(db, MasterKeys.of(masterKey, null), Map.of()).prepared();
      SecureRandom random = new SecureRandom();
      PaillierSecretKey paillier = PaillierSecretKey.generate(2048, random);
      byte[] xA = new byte[32];
      random.nextBytes(xA);
      byte[] p = paillier.p().toByteArray();
      byte[] q = paillier.q().toByteArray();
      byte[] blob =
          ByteBuffer.allocate(xA.length + p.length + q.length).put(xA).put(p).put(q).array();
      KeyId key = KeyId.random();
      db.run(
          () -> beans.keyShares.stage(key, CUSTOMER, Curve.SECP256K1, blob, "02ab", "session-1"));
      db.get(() -> beans.keyShares.finalizeStaged(key, "session-1", true));
      byte[] xA2 = new byte[32];
      random.nextBytes(xA2);
      byte[] refreshed =
          ByteBuffer.allocate(xA2.length + p.length + q.length).put(xA2).put(q).put(p).array();
      db.run(() -> beans.keyShares.stageGeneration(key, refreshed, "refresh-1", "session-1"));

      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] enrolledPepper =
          db.inTransaction(
              () -> beans.oracle.enroll(Subject.of("customer:1"), Purpose.PIN, secret, null));
      Accepted accepted =
          assertInstanceOf(
              Accepted.class,
              db.get(
                  () ->
                      beans.oracle.check(
                          Subject.of("customer:1"),
                          Purpose.PIN,
                          secret,
                          List.of(
                              new TicketRequest(
                                  Subject.of("customer:1"), key, Operation.SIGN, new byte[32])))));
      byte[] pepperKey = db.get(() -> beans.sealedKeys.key(SealedKeys.PEPPER));
      byte[] verifier = hmac(pepperKey, "verify", "customer:1", "pin", secret);

      Map<String, byte[]> secrets = new LinkedHashMap<>();
      secrets.put("key share xA", xA);
      secrets.put("pending refreshed xA", xA2);
      secrets.put("Paillier p", p);
      secrets.put("Paillier q", q);
      secrets.put("secret", secret);
      secrets.put("verifier", verifier);
      secrets.put("pepper", accepted.pepper());
      secrets.put("pepper key", pepperKey);
      secrets.put("master key", masterKey);
      secrets.put("enrolled pepper", enrolledPepper);
      secrets.put("ticket", accepted.tickets().get(0).bytes());

      byte[] dump = dump(db);
      assertTrue(dump.length > 1000, "the dump has the rows");
      for (Map.Entry<String, byte[]> s : secrets.entrySet()) {
        for (byte[] form : forms(s.getValue())) {
          assertFalse(contains(dump, window(form)), s.getKey() + " appears in the database");
        }
      }
      // and the search finds what is there: the public key in clear, the sealed share's bytes
      assertTrue(contains(dump, "02ab".getBytes(StandardCharsets.US_ASCII)));
      byte[] sealedShare =
          db.get(() -> db.entityManager().find(KeyShareRecord.class, key.value())).sealedShare();
      assertTrue(contains(dump, window(sealedShare)));
    }
  }

  private static byte[] dump(TestDatabase db) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Connection c = db.jdbc();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
          ResultSetMetaData meta = r.getMetaData();
          while (r.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              byte[] raw;
              if (BINARY.contains(meta.getColumnType(i))) {
                raw = r.getBytes(i);
              } else {
                String text = r.getString(i);
                raw = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
              }
              raw = raw == null ? new byte[0] : raw;
              out.writeBytes(raw);
              out.write(0);
            }
          }
        }
      }
    }
    return out.toByteArray();
  }

  private static List<byte[]> forms(byte[] secret) {
    return List.of(
        secret,
        HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
        HexFormat.of().withUpperCase().formatHex(secret).getBytes(StandardCharsets.US_ASCII),
        Base64.getEncoder().encodeToString(secret).getBytes(StandardCharsets.US_ASCII));
  }

  /** 16 bytes from the middle: a partial copy counts too. */
  private static byte[] window(byte[] form) {
    int from = Math.max(0, form.length / 2 - 8);
    return java.util.Arrays.copyOfRange(form, from, Math.min(form.length, from + 16));
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static byte[] hmac(byte[] key, String label, String subject, String purpose, byte[] s)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    for (byte[] field :
        new byte[][] {
          label.getBytes(StandardCharsets.UTF_8),
          subject.getBytes(StandardCharsets.UTF_8),
          purpose.getBytes(StandardCharsets.UTF_8),
          s
        }) {
      mac.update(ByteBuffer.allocate(4).putInt(field.length).array());
      mac.update(field);
    }
    return mac.doFinal();
  }
}
