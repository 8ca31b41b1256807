package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.math.ec.ECPoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;

/**
 * Issue 12, items 3 and 5: a copy of Node 1's database (a stolen disk or backup, without Node 1's
 * configuration) after every PIN-bearing call, each with an {@code Idempotency-Key}, holds nothing
 * a PIN guess can be tested against, and no chain code.
 *
 * <p>The test plays the thief. It reads every column of every table and runs the unkeyed
 * derivations Node 1 once stored against them, with the right guesses among the candidates (an
 * offline guesser of a 6-digit PIN reaches the right one within a million tries): SHA-256 request
 * fingerprints of the bodies the calls sent, the salted SHA-256 of a live recovery code over all a
 * million codes, Argon2id of the console password; and it looks for the PINs' encryptedSecrets, the
 * answers' secret and the recovery kit, raw, hashed and encoded. For the chain codes it tries every
 * 32-byte run of every stored value (ed25519: against two exported child keys; secp256k1: the key's
 * own row and every 32-byte value, against a wallet's key). None may match.
 */
@ExtendWith(ArquillianExtension.class)
class Node1DumpIT {
  private static final String PIN = "482915";
  private static final String NEW_PIN = "730164";
  private static final String RECOVERED_PIN = "591736";
  private static final String OTHER_PIN = "205837";
  private static final List<String> ANSWERS = List.of("Rex", "Elm Street", "Golf GTI");
  private static final DerivationPath ETHEREUM_0 = DerivationPath.parse("m/44/60/0/0/0");

  private final Api api = Api.node1();
  private final List<Sent> sent = new ArrayList<>();
  private final List<byte[]> secrets = new ArrayList<>();

  /** An idempotent call as it went over the wire. */
  record Sent(String path, byte[] body) {}

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void aCopyOfNode1sDatabaseTestsNoPinGuessAndHoldsNoChainCode() throws Exception {
    api.awaitReadiness();
    Tenant tenant = Tenant.create(api, "Dump Co " + UUID.randomUUID());
    PinFlow customer = PinFlow.newCustomer(tenant);
    String pin = secret(customer.secret(PIN));
    String newPin = secret(customer.secret(NEW_PIN));
    String recoveredPin = secret(customer.secret(RECOVERED_PIN));

    assertEquals(201, post(tenant, customer.path("/pin"), json("encryptedSecret", pin)));
    assertEquals(200, post(tenant, customer.path("/pin/verify"), json("encryptedSecret", pin)));
    Api.Reply keys =
        send(
            tenant,
            customer.path("/keys"),
            Json.createObjectBuilder()
                .add("encryptedSecret", pin)
                .add("curves", Json.createArrayBuilder().add("secp256k1").add("ed25519")));
    assertEquals(201, keys.status(), keys.body());
    JsonArray made = keys.json().getJsonArray("items");
    JsonObject ecdsa = made.getJsonObject(0);
    JsonObject eddsa = made.getJsonObject(1);
    assertEquals("ed25519", eddsa.getString("curve"));

    JsonObject ethereum = wallet(tenant, customer, "ethereum", 0);
    JsonObject solana0 = wallet(tenant, customer, "solana", 0);
    JsonObject solana1 = wallet(tenant, customer, "solana", 1);
    assertEquals(
        200,
        post(
            tenant,
            customer.path("/keys/" + ecdsa.getString("id") + "/signatures"),
            json("encryptedSecret", pin, "digest", "ab".repeat(32), "path", "m/44/60/0/0/0")));
    BigInteger k0 = exportScalar(tenant, customer, solana0, PIN);
    BigInteger k1 = exportScalar(tenant, customer, solana1, PIN);

    assertEquals(
        200,
        post(
            tenant,
            customer.path("/pin/change"),
            json("encryptedSecret", pin, "newEncryptedSecret", newPin)));

    RecoveryFlow recovery = RecoveryFlow.of(customer);
    assertEquals(
        201, post(tenant, customer.path("/recovery/email"), json("encryptedSecret", newPin)));
    String kit = recovery.kit();
    secrets.add(Base64.getUrlDecoder().decode(kit));
    // Six digits are looked for by their verifier below, not as text (a timestamp may hold them).
    String code = recovery.code();
    assertEquals(
        202,
        post(
            tenant,
            customer.path("/recovery/email/confirm"),
            json("code", code, "recoveryKit", kit)));
    String answers = secret(recovery.answersSecret(ANSWERS));
    assertEquals(
        201,
        post(
            tenant,
            customer.path("/recovery/questions"),
            Json.createObjectBuilder()
                .add("encryptedSecret", newPin)
                .add(
                    "questions",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", "first-pet"))
                        .add(Json.createObjectBuilder().add("id", "childhood-street"))
                        .add(Json.createObjectBuilder().add("id", "first-car")))
                .add("answersSecret", answers)));
    assertEquals(
        200,
        post(
            tenant,
            customer.path("/recovery/questions/recover"),
            json("answersSecret", answers, "newEncryptedSecret", recoveredPin)));

    // A second customer whose emailed code is still live while the copy is taken.
    PinFlow other = PinFlow.newCustomer(tenant);
    String otherPin = secret(other.secret(OTHER_PIN));
    assertEquals(201, post(tenant, other.path("/pin"), json("encryptedSecret", otherPin)));
    assertEquals(
        201, post(tenant, other.path("/recovery/email"), json("encryptedSecret", otherPin)));
    RecoveryFlow otherRecovery = RecoveryFlow.of(other);
    String liveCode = otherRecovery.code();
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");

    // --- the thief's copy ---------------------------------------------------------------------
    List<Node1Values.Value> values = Node1Values.all();
    String dump = DatabaseDump.of("planbok_it_node1");
    assertTrue(dump.contains(hex(clientSalt(customer))), "the search sees the client salt");
    assertTrue(dump.contains(ecdsa.getString("publicKey")), "the search sees the public keys");
    List<String> found = new ArrayList<>();

    for (Sent s : sent) {
      byte[] fingerprint = OfflineGuesses.requestFingerprintV1("POST", s.path(), s.body());
      look(found, values, dump, "SHA-256 fingerprint of POST " + s.path(), fingerprint);
      look(
          found, values, dump, "SHA-256 of a body to " + s.path(), OfflineGuesses.sha256(s.body()));
    }
    for (byte[] secret : secrets) {
      look(found, values, dump, "a secret the calls carried", secret);
      look(
          found,
          values,
          dump,
          "SHA-256 of a secret the calls carried",
          OfflineGuesses.sha256(secret));
    }

    String otherSubject = other.subject();
    byte[] codeHash =
        Node1Rows.bytes("SELECT code_hash FROM email_recovery WHERE subject = ?", otherSubject);
    byte[] codeSalt =
        Node1Rows.bytes("SELECT code_salt FROM email_recovery WHERE subject = ?", otherSubject);
    assertTrue(codeHash != null, "the live code's verifier is there to attack");
    for (int c = 0; c < 1_000_000; c++) {
      String guess = String.format("%06d", c);
      if (codeSalt != null
          && Arrays.equals(
              codeHash, OfflineGuesses.recoveryCodeV1(otherSubject, codeSalt, guess))) {
        found.add(
            "the live recovery code "
                + guess
                + " (right: "
                + guess.equals(liveCode)
                + ")"
                + " from its salted SHA-256");
        break;
      }
    }

    String passwordHash =
        Node1Database.query("SELECT password_hash FROM console_user WHERE id = ?", admin.id());
    if (OfflineGuesses.argon2idMatches(
        passwordHash, admin.password().getBytes(StandardCharsets.UTF_8))) {
      found.add("the console password, from Argon2id of the password alone");
    }

    EdPoint edRoot = Ed25519.INSTANCE.decode(HexFormat.of().parseHex(eddsa.getString("publicKey")));
    ECPoint ecRoot =
        Secp256k1.INSTANCE.decode(HexFormat.of().parseHex(ecdsa.getString("publicKey")));
    byte[] ethereumKey = HexFormat.of().parseHex(ethereum.getString("publicKey"));
    for (Node1Values.Value v : values) {
      byte[] b = v.bytes();
      // Each secp256k1 try costs a few curve multiplications, too many for every offset of the
      // whole database: every offset of the key's own row, and every 32-byte value anywhere.
      boolean keysRow =
          v.where().startsWith("joint_key.") && ecdsa.getString("id").equals(v.rowId());
      for (int i = 0; i + 32 <= b.length; i++) {
        byte[] candidate = Arrays.copyOfRange(b, i, i + 32);
        if (OfflineGuesses.isEd25519ChainCode(edRoot, candidate, 0, k0, 1, k1)) {
          found.add("the ed25519 chain code, at offset " + i + " of " + v.where());
        }
        if ((b.length == 32 || keysRow)
            && OfflineGuesses.isSecp256k1ChainCode(ecRoot, candidate, ETHEREUM_0, ethereumKey)) {
          found.add("the secp256k1 chain code, at offset " + i + " of " + v.where());
        }
      }
    }
    assertTrue(
        found.isEmpty(), "a copy of Node 1's database gave away:\n" + String.join("\n", found));
  }

  private JsonObject wallet(Tenant tenant, PinFlow customer, String chain, int index) {
    Api.Reply reply =
        send(
            tenant,
            customer.path("/wallets"),
            Json.createObjectBuilder().add("chain", chain).add("index", index));
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private BigInteger exportScalar(Tenant tenant, PinFlow customer, JsonObject wallet, String pin)
      throws Exception {
    DeviceKeys device = new DeviceKeys();
    String challenge = DeviceKeys.challenge(customer, wallet.getString("id"));
    Api.Reply reply =
        send(
            tenant,
            customer.path("/wallets/" + wallet.getString("id") + "/export"),
            device
                .exportBody(customer, pin, wallet, challenge, DeviceKeys.pinnedExportKey(api))
                .add("format", "ed25519-scalar"));
    assertEquals(200, reply.status(), reply.body());
    byte[] le = HexFormat.of().parseHex(device.open(reply.json()).getString("privateKey"));
    secrets.add(le.clone());
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  private String secret(String base64url) {
    secrets.add(Base64.getUrlDecoder().decode(base64url));
    secrets.add(base64url.getBytes(StandardCharsets.US_ASCII));
    return base64url;
  }

  private int post(Tenant tenant, String path, JsonObjectBuilder body) {
    Api.Reply reply = send(tenant, path, body);
    return reply.status();
  }

  private Api.Reply send(Tenant tenant, String path, JsonObjectBuilder body) {
    byte[] bytes = body.build().toString().getBytes(StandardCharsets.UTF_8);
    sent.add(new Sent(path, bytes));
    return tenant.post(path, bytes, "dump-" + UUID.randomUUID());
  }

  private static JsonObjectBuilder json(String... namesAndValues) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b;
  }

  private static void look(
      List<String> found, List<Node1Values.Value> values, String dump, String what, byte[] b) {
    for (Node1Values.Value v : values) {
      if (contains(v.bytes(), b)) {
        found.add(what + ", in " + v.where());
        return;
      }
    }
    for (String form :
        List.of(
            HexFormat.of().formatHex(b),
            Base64.getEncoder().withoutPadding().encodeToString(b),
            Base64.getUrlEncoder().withoutPadding().encodeToString(b))) {
      if (dump.contains(form)) {
        found.add(what + ", in the dump as " + form.length() + " characters");
        return;
      }
    }
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

  private static byte[] clientSalt(PinFlow customer) {
    return Base64.getUrlDecoder().decode(customer.salt());
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
