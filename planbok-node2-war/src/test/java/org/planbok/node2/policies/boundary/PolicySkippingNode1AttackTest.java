package org.planbok.node2.policies.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.PoliciesGrpc;
import org.planbok.node2.api.PolicyStatement;
import org.planbok.node2.api.PublishPolicyRequest;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.TicketWanted;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.testing.InProcessNode2;

/**
 * A compromised Node 1 asks Node 2 for SIGN tickets that skip the organization's signing policy.
 * Before policies reached Node 2 any right PIN bought a ticket for any digest; now a subject under
 * a published policy gets a SIGN ticket only with a decision statement of that policy that allows
 * it and, for the kinds Node 2 recomputes, whose payload gives the ticket's digest. Each refusal is
 * POLICY_REFUSED before the PIN is checked (no attempt counted, nothing minted) and audited.
 */
class PolicySkippingNode1AttackTest {
  private static final AtomicLong SUBJECTS = new AtomicLong();
  private static InProcessNode2 node2;
  private static SecretsGrpc.SecretsBlockingStub secrets;
  private static PoliciesGrpc.PoliciesBlockingStub policies;

  private final byte[] pin = "argon2id(PIN, salt) of 32 bytes!".getBytes(UTF_8);
  private final String organization = UUID.randomUUID().toString();
  private final String customer = "customer:policy-" + SUBJECTS.incrementAndGet();
  private final byte[] policyHash = sha256("{\"chains\":{\"ethereum\":{\"chainIds\":[1]}}}");

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    secrets = SecretsGrpc.newBlockingStub(node2.channel);
    policies = PoliciesGrpc.newBlockingStub(node2.channel);
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @BeforeEach
  void enrolledCustomerOfAnOrganizationWithAPolicy() {
    secrets.enroll(
        EnrollRequest.newBuilder()
            .setSubject(customer)
            .setPurpose(Purpose.PIN)
            .setSecret(ByteString.copyFrom(pin))
            .setOrganization(organization)
            .build());
    policies.publish(
        PublishPolicyRequest.newBuilder()
            .setScope("organization:" + organization)
            .setPresent(true)
            .setHash(ByteString.copyFrom(policyHash))
            .setVersion(1)
            .build());
  }

  @Test
  void aSignTicketWithoutAPolicyDecisionIsRefusedAndNoAttemptIsCounted() {
    assertPolicyRefused(sign(random(32), null), "no policy decision");
    CheckReply wrong = secrets.check(check(Purpose.PIN, "wrong PIN, 32 bytes of Argon2id!!"));
    assertEquals(4, wrong.getRejected().getAttemptsLeft(), "the refusals counted no attempt");
    assertTrue(audited("POLICY_REFUSED"), "the refusal is in Node 2's audit log");
  }

  @Test
  void aDecisionForAnotherPolicyIsRefused() {
    byte[] tx = unsignedTransaction();
    byte[] stale = setHash(sha256("an older policy"));
    assertPolicyRefused(
        sign(keccak(tx), statement(stale, "ALLOWED", "evm_transaction", tx)), "another policy");
    assertPolicyRefused(
        sign(keccak(tx), statement(new byte[0], "ALLOWED", "evm_transaction", tx)),
        "another policy");
  }

  @Test
  void aRefusedDecisionIsRefused() {
    byte[] tx = unsignedTransaction();
    assertPolicyRefused(
        sign(keccak(tx), statement(setHash(policyHash), "REFUSED", "evm_transaction", tx)),
        "not ALLOWED");
  }

  @Test
  void aRawDigestUnderAPolicyThatForbidsThemIsRefusedByNode2Itself() {
    byte[] digest = random(32);
    assertPolicyRefused(
        sign(digest, statement(setHash(policyHash), "ALLOWED", "digest", digest)),
        "forbids raw digests");
  }

  @Test
  void aPayloadThatDoesNotGiveTheTicketsDigestIsRefused() {
    byte[] allowed = unsignedTransaction();
    byte[] other = random(32);
    assertPolicyRefused(
        sign(other, statement(setHash(policyHash), "ALLOWED", "evm_transaction", allowed)),
        "does not give the ticket's digest");
    // A Solana message is what ed25519 signs: the ticket binds SHA-256 of it.
    byte[] message = random(200);
    assertPolicyRefused(
        sign(
            sha256(random(200)),
            statement(setHash(policyHash), "ALLOWED", "solana_transaction", message)),
        "does not give the ticket's digest");
  }

  @Test
  void aTronTransactionWhosePayloadIsNotTheTicketsTxidIsRefused() {
    byte[] raw = tronRawData();
    // The txid of another transaction, or the raw bytes' Keccak (what an EVM signature would use).
    assertPolicyRefused(
        sign(
            sha256(random(120)),
            statement(setHash(policyHash), "ALLOWED", "tron_transaction", raw)),
        "does not give the ticket's digest");
    assertPolicyRefused(
        sign(keccak(raw), statement(setHash(policyHash), "ALLOWED", "tron_transaction", raw)),
        "does not give the ticket's digest");
  }

  @Test
  void aTronTransactionWhoseTxidIsTheTicketsDigestIsAdmitted() {
    byte[] raw = tronRawData();
    CheckReply reply =
        secrets.check(
            check(Purpose.PIN, pin).toBuilder()
                .addTickets(
                    sign(
                        sha256(raw),
                        statement(setHash(policyHash), "ALLOWED", "tron_transaction", raw)))
                .build());
    assertEquals(1, reply.getAccepted().getTicketsCount());
    assertTrue(audited("policy decision tron_transaction ALLOWED"), "the decision is audited");
  }

  @Test
  void anAllowedDecisionOfThePublishedPolicyBuysATicketThatBindsIt() {
    byte[] tx = unsignedTransaction();
    CheckReply reply =
        secrets.check(
            check(Purpose.PIN, pin).toBuilder()
                .addTickets(
                    sign(
                        keccak(tx),
                        statement(setHash(policyHash), "ALLOWED", "evm_transaction", tx)))
                .build());
    assertEquals(1, reply.getAccepted().getTicketsCount());
    assertTrue(audited("policy decision evm_transaction ALLOWED"), "the decision is audited");
  }

  @Test
  void aCustomerStaysWithTheOrganizationOfItsFirstEnrollment() {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                secrets.enroll(
                    EnrollRequest.newBuilder()
                        .setSubject(customer)
                        .setPurpose(Purpose.PIN)
                        .setSecret(ByteString.copyFrom(pin))
                        .setOrganization(UUID.randomUUID().toString())
                        .build()));
    assertEquals("PROTOCOL_VIOLATION", e.getTrailers().get(Refusals.REASON));
  }

  @Test
  void withoutAPolicyNothingChanges() {
    policies.publish(
        PublishPolicyRequest.newBuilder()
            .setScope("organization:" + organization)
            .setPresent(false)
            .setVersion(1)
            .build());
    CheckReply reply =
        secrets.check(
            check(Purpose.PIN, pin).toBuilder().addTickets(sign(random(32), null)).build());
    assertEquals(1, reply.getAccepted().getTicketsCount());
  }

  private void assertPolicyRefused(TicketWanted wanted, String why) {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () -> secrets.check(check(Purpose.PIN, pin).toBuilder().addTickets(wanted).build()));
    assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
    assertEquals("POLICY_REFUSED", e.getTrailers().get(Refusals.REASON));
    assertTrue(e.getStatus().getDescription().contains(why), e.getStatus().getDescription());
  }

  private CheckRequest check(Purpose purpose, String secret) {
    return check(purpose, secret.getBytes(UTF_8));
  }

  private CheckRequest check(Purpose purpose, byte[] secret) {
    return CheckRequest.newBuilder()
        .setSubject(customer)
        .setPurpose(purpose)
        .setSecret(ByteString.copyFrom(secret))
        .build();
  }

  private static TicketWanted sign(byte[] digest, PolicyStatement statement) {
    TicketWanted.Builder b =
        TicketWanted.newBuilder()
            .setKeyId("key-1")
            .setOperation(Operation.SIGN)
            .setDigest(ByteString.copyFrom(digest))
            .setPath("m/44/60/0/0/0");
    if (statement != null) {
      b.setPolicy(statement);
    }
    return b.build();
  }

  private static PolicyStatement statement(
      byte[] policyHash, String decision, String kind, byte[] payload) {
    return PolicyStatement.newBuilder()
        .setPolicyHash(ByteString.copyFrom(policyHash))
        .setDecision(decision)
        .setRule("all")
        .setPayloadKind(kind)
        .setPayloadHash(ByteString.copyFrom(sha256(payload)))
        .setPayload(ByteString.copyFrom(payload))
        .build();
  }

  /** As Node 1 writes it: the organization's policy hash and no customer policy. */
  private static byte[] setHash(byte[] organizationHash) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("planbok/policy-set/v1".getBytes(UTF_8));
      sha.update(java.nio.ByteBuffer.allocate(4).putInt(organizationHash.length).array());
      sha.update(organizationHash);
      sha.update(new byte[4]);
      return sha.digest();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean audited(String detail) {
    return node2.db.get(
            () ->
                node2
                    .db
                    .entityManager()
                    .createQuery(
                        "SELECT COUNT(r) FROM AuditRecord r WHERE r.subject = :s"
                            + " AND (r.detail LIKE :d OR r.outcome = :o)",
                        Long.class)
                    .setParameter("s", customer)
                    .setParameter("d", "%" + detail + "%")
                    .setParameter("o", detail)
                    .getSingleResult())
        > 0;
  }

  /** An unsigned EIP-1559 transfer on chain 1 (0x02 ‖ rlp of 9 fields), as a client sends it. */
  private static byte[] unsignedTransaction() {
    return java.util.HexFormat.of()
        .parseHex(
            "02ed0180843b9aca00850ba43b740082520894d8da6bf26964af9d7eed9e03e53415d37aa96045880de0b6b3a764000080c0");
  }

  /**
   * A Tron {@code Transaction.raw} as TronWeb serializes it: reference block ab12/0011223344556677,
   * expiration, one TransferContract of 1.5 TRX from 41d8da6b… to 415aaeb6…, timestamp. Its txid,
   * the digest a Tron signature is over, is SHA-256 of these bytes.
   */
  private static byte[] tronRawData() {
    return java.util.HexFormat.of()
        .parseHex(
            "0a02ab122208001122334455667740e0a8ead9a4345a67080112630a2d747970652e676f6f676c65617069"
                + "732e636f6d2f70726f746f636f6c2e5472616e73666572436f6e747261637412320a1541d8da6bf2"
                + "6964af9d7eed9e03e53415d37aa960451215415aaeb6053f3e94c9b9a09f33669435e7ef1beaed18"
                + "e0c65b7080d4e6d9a434");
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    InProcessNode2.RANDOM.nextBytes(b);
    return b;
  }

  private static byte[] sha256(String s) {
    return sha256(s.getBytes(UTF_8));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] keccak(byte[] data) {
    KeccakDigest k = new KeccakDigest(256);
    k.update(data, 0, data.length);
    byte[] out = new byte[32];
    k.doFinal(out, 0);
    return out;
  }
}
