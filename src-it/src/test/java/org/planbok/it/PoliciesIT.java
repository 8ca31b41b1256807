package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Signing policies on the real servers (docs/policies.md): an organization without one signs as
 * before; once one exists, what it does not allow is a 403 policy-refused naming the rule and the
 * field, and nothing is signed; what it allows is signed and verifies; the rolling day holds under
 * concurrent requests; a customer's policy narrows the organization's; bad input is a 400 naming
 * the member and changes nothing. Node 2 checks every decision (the payload of an allowed EVM,
 * Solana or NEAR transaction gives the digest it signs), so these signatures passing also shows the
 * two nodes agree.
 */
@ExtendWith(ArquillianExtension.class)
class PoliciesIT {
  private static final String PIN = "864209";
  private static final String ALLOWED = "0x3535353535353535353535353535353535353535";
  private static final String OTHER = "0x1111111111111111111111111111111111111111";
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final Api api = Api.node1();
  private Tenant tenant;
  private PinFlow customer;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void customerWithKeys() {
    tenant = Tenant.create(api, "Policies Co " + UUID.randomUUID());
    customer = PinFlow.withPin(tenant, PIN);
    Api.Reply keys = customer.generateKeys(PIN, "secp256k1", "ed25519");
    assertEquals(201, keys.status(), keys.body());
  }

  @Test
  void withoutAPolicyEverythingIsSignedAsBeforeAndThereIsNoPolicyToRead() {
    assertProblem(tenant.get("/api/v1/organization/policy"), 404, "not-found");
    JsonObject wallet = wallet("ethereum", 0);
    assertEquals(200, digest(wallet).status());
    assertEquals(200, evm(wallet, OTHER, ETHER.multiply(BigInteger.TEN), 1, 0).status());
  }

  @Test
  void onceAPolicyExistsWhatItDoesNotAllowIsRefusedNamingRuleAndFieldAndNothingIsSigned() {
    JsonObject policy = putPolicy(ethereumPolicy("\"maxValue\":\"" + ETHER + "\""), 0);
    assertEquals(1, policy.getInt("version"));
    assertEquals(64, policy.getString("hash").length());
    JsonObject wallet = wallet("ethereum", 0);

    assertRefused(evm(wallet, OTHER, ETHER, 1, 0), "recipients.allow", "transaction.to");
    assertRefused(evm(wallet, ALLOWED, ETHER, 137, 0), "chainIds", "chainId");
    assertRefused(
        evm(wallet, ALLOWED, ETHER.add(BigInteger.ONE), 1, 0), "maxValue", "transaction.value");
    assertRefused(
        sign(wallet, Json.createObjectBuilder().add("type", "personal_sign").add("message", "hi")),
        "personalSign",
        "message");
    assertRefused(digest(wallet), "rawDigest", "digest");
    assertRefused(digest(wallet("bitcoin", 0)), "rawDigest", "digest");
    assertRefused(
        customer.signDigest(
            PIN, customer.key(PIN, "secp256k1").getString("id"), "00".repeat(32), null, null),
        "rawDigest",
        "digest");
    // Deny by default: a chain the policy leaves out signs nothing.
    JsonObject solana = wallet("solana", 1);
    byte[] from = HexFormat.of().parseHex(solana.getString("publicKey"));
    byte[] to = HexFormat.of().parseHex(wallet("solana", 2).getString("publicKey"));
    assertRefused(solanaTransfer(solana, from, to, 5), "chains", "chain");
    // The refusals cost no PIN attempt: the PIN was never checked.
    assertEquals(200, customer.verify(PIN).status());
  }

  @Test
  void whatThePolicyAllowsIsSignedAndVerifies() throws Exception {
    putPolicy(ethereumPolicy("\"maxValue\":\"" + ETHER + "\",\"personalSign\":true"), 0);
    JsonObject wallet = wallet("ethereum", 0);
    Api.Reply signed = evm(wallet, ALLOWED, ETHER, 1, 0);
    assertEquals(200, signed.status(), signed.body());
    SignedRawTransaction tx =
        (SignedRawTransaction) TransactionDecoder.decode(signed.json().getString("rawTransaction"));
    assertEquals(wallet.getString("address").toLowerCase(), tx.getFrom());
    assertEquals(ALLOWED, tx.getTo());
    assertEquals(
        200,
        sign(wallet, Json.createObjectBuilder().add("type", "personal_sign").add("message", "hi"))
            .status());
  }

  @Test
  void solanaAndNearTransactionsUnderAPolicyAreSignedForListedProgramsAndReceivers()
      throws Exception {
    JsonObject solana = wallet("solana", 1);
    JsonObject near = wallet("near", 1);
    byte[] key = HexFormat.of().parseHex(solana.getString("publicKey"));
    byte[] to = HexFormat.of().parseHex(wallet("solana", 2).getString("publicKey"));
    putPolicy(
        "{\"chains\":{\"solana\":{\"programs\":[\"11111111111111111111111111111111\"],"
            + "\"maxValue\":\"1000000\"},"
            + "\"near\":{\"recipients\":{\"allow\":[\"bob.near\"]}}}}",
        0);
    Api.Reply signed = solanaTransfer(solana, key, to, 1_000_000);
    assertEquals(200, signed.status(), signed.body());
    byte[] message = ChainPayloads.solanaTransfer(key, to, 1_000_000);
    byte[] wire = Base64.getDecoder().decode(signed.json().getString("transaction"));
    assertTrue(Ed25519.verify(wire, 1, key, 0, message, 0, message.length));
    assertRefused(
        solanaTransfer(solana, key, to, 1_000_001), "maxValue", "transaction.instructions");

    byte[] nearTx = ChainPayloads.nearTransfer(near.getString("address"), key, "bob.near");
    Api.Reply nearSigned =
        sign(
            near,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Base64.getEncoder().encodeToString(nearTx)));
    assertEquals(200, nearSigned.status(), nearSigned.body());
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(nearTx);
    byte[] signedTx = Base64.getDecoder().decode(nearSigned.json().getString("signedTransaction"));
    assertTrue(Ed25519.verify(signedTx, nearTx.length + 1, key, 0, hash, 0, hash.length));
    byte[] toAlice = ChainPayloads.nearTransfer(near.getString("address"), key, "alice.near");
    assertRefused(
        sign(
            near,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Base64.getEncoder().encodeToString(toAlice))),
        "recipients.allow",
        "transaction.receiverId");
  }

  /**
   * Six concurrent signatures of 1 ether under a rolling day of 3: exactly three are signed, the
   * others refused by maxValuePerDay, whatever the interleaving (the owner's row for the chain is
   * locked from the total's check to the commit).
   */
  @Test
  void theRollingDayHoldsUnderConcurrentRequests() throws Exception {
    putPolicy(
        ethereumPolicy("\"maxValuePerDay\":\"" + ETHER.multiply(BigInteger.valueOf(3)) + "\""), 0);
    JsonObject wallet = wallet("ethereum", 0);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int nonce = i;
        replies.add(pool.submit(() -> evm(wallet, ALLOWED, ETHER, 1, nonce)));
      }
      int signed = 0;
      int refused = 0;
      for (Future<Api.Reply> f : replies) {
        Api.Reply r = f.get();
        if (r.status() == 200) {
          signed++;
        } else {
          assertRefused(r, "maxValuePerDay", "transaction.value");
          refused++;
        }
      }
      assertEquals(3, signed, "exactly the day's limit is signed");
      assertEquals(3, refused);
    } finally {
      pool.shutdownNow();
    }
    assertRefused(
        evm(wallet, ALLOWED, BigInteger.ONE, 1, 9), "maxValuePerDay", "transaction.value");
  }

  @Test
  void aCustomersPolicyNarrowsTheOrganizations() {
    putPolicy(
        "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"allow\":[\""
            + ALLOWED
            + "\",\""
            + OTHER
            + "\"]}}}}",
        0);
    Api.Reply put =
        tenant.put(
            customer.path("/policy"),
            "{\"policy\":" + ethereumPolicy(null) + "}",
            "cp-" + UUID.randomUUID());
    assertEquals(200, put.status(), put.body());
    assertEquals("customer", put.json().getString("scope"));
    JsonObject wallet = wallet("ethereum", 0);
    Api.Reply refused = evm(wallet, OTHER, ETHER, 1, 0);
    assertRefused(refused, "recipients.allow", "transaction.to");
    assertEquals("customer", refused.json().getString("scope"));
    assertEquals(200, evm(wallet, ALLOWED, ETHER, 1, 1).status());
    assertEquals(204, tenant.delete(customer.path("/policy"), "cd-" + UUID.randomUUID()).status());
    assertEquals(200, evm(wallet, OTHER, ETHER, 1, 2).status());
  }

  @Test
  void badPolicyInputIsA400NamingTheMemberAndChangesNothing() {
    JsonObject first = putPolicy(ethereumPolicy(null), 0);
    assertField(
        putRaw("{\"policy\":{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"colour\":1}}}}"),
        "chains.ethereum.colour");
    assertField(
        putRaw("{\"policy\":{\"chains\":{\"ethereum\":{\"recipients\":{\"allow\":[\"0x12\"]}}}}}"),
        "chains.ethereum.recipients.allow[0]");
    assertField(putRaw("{\"policy\":{\"chains\":{\"dogecoin\":{}}}}"), "chains.dogecoin");
    assertField(
        putRaw("{\"policy\":{\"chains\":{\"ethereum\":{\"maxValue\":\"1e18\"}}}}"),
        "chains.ethereum.maxValue");
    Api.Reply missing = putRaw("{}");
    assertEquals(400, missing.status(), missing.body());
    Api.Reply stale =
        tenant.put(
            "/api/v1/organization/policy",
            "{\"policy\":{\"rawDigest\":true},\"expectedVersion\":7}",
            "p-" + UUID.randomUUID());
    assertProblem(stale, 409, "policy-version-mismatch");
    JsonObject now = tenant.get("/api/v1/organization/policy").json();
    assertEquals(first.getInt("version"), now.getInt("version"));
    assertEquals(first.getString("hash"), now.getString("hash"));
  }

  /**
   * A compromised Node 1 holding the customer's secret (it sees it in transit) asks the real Node 2
   * for a SIGN ticket that skips the organization's policy: refused POLICY_REFUSED. Before Node 2
   * knew of policies the same request bought the ticket.
   */
  @Test
  void node2RefusesACompromisedNode1ThatSkipsThePolicy() {
    putPolicy(ethereumPolicy(null), 0);
    String keyId = customer.key(PIN, "secp256k1").getString("id");
    try (Node1Link node2 = Node1Link.open()) {
      io.grpc.StatusRuntimeException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              io.grpc.StatusRuntimeException.class,
              () ->
                  node2.check(
                      customer.subject(),
                      Base64.getUrlDecoder().decode(customer.secret(PIN)),
                      org.planbok.node2.api.TicketWanted.newBuilder()
                          .setKeyId(keyId)
                          .setOperation(org.planbok.node2.api.Operation.SIGN)
                          .setDigest(com.google.protobuf.ByteString.copyFrom(new byte[32]))
                          .setPath("m/44/60/0/0/0")
                          .build()));
      assertEquals("POLICY_REFUSED", Node1Link.reasonOf(e));
    }
  }

  private JsonObject putPolicy(String policy, long expectedVersion) {
    Api.Reply reply =
        tenant.put(
            "/api/v1/organization/policy",
            "{\"policy\":" + policy + ",\"expectedVersion\":" + expectedVersion + "}",
            "p-" + UUID.randomUUID());
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private Api.Reply putRaw(String body) {
    return tenant.put("/api/v1/organization/policy", body, "p-" + UUID.randomUUID());
  }

  private static String ethereumPolicy(String extra) {
    return "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"allow\":[\""
        + ALLOWED
        + "\"]}"
        + (extra == null ? "" : "," + extra)
        + "}}}";
  }

  private JsonObject wallet(String chain, int index) {
    Api.Reply reply =
        tenant.post(
            customer.path("/wallets"),
            Json.createObjectBuilder().add("chain", chain).add("index", index).build().toString(),
            "w-" + UUID.randomUUID());
    assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
    return reply.json();
  }

  private Api.Reply sign(JsonObject wallet, JsonObjectBuilder payload) {
    return tenant.post(
        customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
        payload.add("encryptedSecret", customer.secret(PIN)).build().toString(),
        "s-" + UUID.randomUUID());
  }

  private Api.Reply digest(JsonObject wallet) {
    return sign(
        wallet, Json.createObjectBuilder().add("type", "digest").add("digest", "ab".repeat(32)));
  }

  private Api.Reply evm(JsonObject wallet, String to, BigInteger value, long chainId, int nonce) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(21_000),
            to,
            value,
            "",
            BigInteger.valueOf(2_000_000_000L),
            BigInteger.valueOf(80_000_000_000L));
    return sign(
        wallet,
        Json.createObjectBuilder()
            .add("type", "transaction")
            .add("transaction", Numeric.toHexString(TransactionEncoder.encode(tx)))
            .add("chainId", chainId));
  }

  private Api.Reply solanaTransfer(JsonObject wallet, byte[] from, byte[] to, long lamports) {
    return sign(
        wallet,
        Json.createObjectBuilder()
            .add("type", "transaction")
            .add(
                "transaction",
                Base64.getEncoder()
                    .encodeToString(ChainPayloads.solanaTransfer(from, to, lamports))));
  }

  static void assertRefused(Api.Reply reply, String rule, String field) {
    assertProblem(reply, 403, "policy-refused");
    JsonObject problem = reply.json();
    assertEquals(rule, problem.getString("rule"), reply.body());
    assertEquals(field, problem.getString("field"), reply.body());
    assertFalse(problem.containsKey("signature"), "nothing signed");
    assertFalse(problem.containsKey("rawTransaction"), "nothing signed");
  }

  private static void assertField(Api.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(field, reply.json().getString("field"), reply.body());
  }
}
