package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.Operation;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;
import org.planbok.node2.testing.Node2Beans;
import org.planbok.node2.testing.TransactionalSigningSessions;

/**
 * A malicious Node 1 against the BitForge freeze (CVE-2023-33242): it opens several signing
 * sessions on a key while the key is unfrozen, brings each to the point where Node 2 waits for
 * {@code c3}, then sends a crafted {@code c3} to one. That one freezes the key; had the freeze been
 * checked only when a session opens, every other open session would still decrypt and answer, one
 * bit of Node 2's share each (a binary search over ~256 sessions recovers it). Each later {@code
 * c3} must be refused before Node 2 decrypts it, and a key can have only a few signing sessions
 * open at once.
 */
class ParallelSessionsFreezeAttackTest {
  private static final java.security.SecureRandom RANDOM = InProcessNode2.RANDOM;

  /** Node 2's default cap of open signing sessions on one key. */
  private static final int CAP = 4;

  private static InProcessNode2 node2;
  private static Node1 node1;

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:parallel");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void oneCraftedC3FreezesTheKeyForEverySessionAlreadyOpen() throws Exception {
    String keyId = "parallel-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    List<WaitingForC3> open = new ArrayList<>();
    for (int i = 0; i < CAP; i++) {
      open.add(WaitingForC3.open(keyId, share));
    }

    open.get(0).sendProbe();
    assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, open.get(0).session::receive);
    assertTrue(node2.db.get(() -> node2.beans.keyShares.isFrozen(KeyId.of(keyId))));

    // Even an honest c3 is refused now: an answer, signed or refused after decrypting, is a bit.
    for (WaitingForC3 later : open.subList(1, open.size())) {
      later.sendHonest();
      assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, later.session::receive);
      assertNull(decryptStartedAt(later.sid), "Node 2 decrypted a c3 after the freeze");
    }
    assertNotNull(decryptStartedAt(open.get(0).sid));
  }

  /**
   * The same attack with the cap raised to 32 (an operator's choice): the freeze read before each
   * decryption, not the cap, is what stops the probes; the cap only bounds simultaneous ones.
   */
  @Test
  void withAHighCapEveryLaterC3IsStillRefused() throws Exception {
    int sessions = 32;
    try (InProcessNode2 roomy =
        InProcessNode2.start(beans -> new TransactionalSigningSessions(beans, sessions))) {
      Node1 attacker = new Node1(roomy, "customer:roomy");
      String keyId = "roomy-" + RANDOM.nextLong();
      EcdsaP2KeyShare share = attacker.committedEcdsaKey(keyId);
      List<WaitingForC3> open = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        open.add(WaitingForC3.open(attacker, keyId, share));
      }
      open.get(0).sendProbe();
      assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, open.get(0).session::receive);
      for (WaitingForC3 later : open.subList(1, sessions)) {
        later.sendProbe();
        assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, later.session::receive);
        assertNull(decryptStartedAt(roomy, later.sid), "Node 2 decrypted a c3 after the freeze");
      }
    }
  }

  @Test
  void aKeyTakesOnlyItsCapOfOpenSigningSessionsAndTheRefusedTicketStaysUnused() {
    String keyId = "cap-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    List<WaitingForC3> open = new ArrayList<>();
    for (int i = 0; i < CAP; i++) {
      open.add(WaitingForC3.open(keyId, share));
    }
    byte[] digest = Node1.random(32);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", digest);
    Conversation busy = openSign(Node1.sid(), keyId, digest, ticket);
    busy.receive(); // the nonce commitment goes out before the key is asked
    assertRefused("BUSY", Status.Code.RESOURCE_EXHAUSTED, busy::receive);

    // A reused session id does not free a place: it is refused, and the session it names stays.
    Conversation replay = openSign(open.get(1).sid, keyId, digest, ticket);
    replay.receive();
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, replay::receive);
    Conversation stillBusy = openSign(Node1.sid(), keyId, digest, ticket);
    stillBusy.receive();
    assertRefused("BUSY", Status.Code.RESOURCE_EXHAUSTED, stillBusy::receive);

    // One session ends with its signature: its place is free, and the refused ticket still works.
    open.get(0).sendHonest();
    open.get(0).finish();
    node1.ecdsaSign(keyId, share, digest, DerivationPath.root(), ticket);
    for (WaitingForC3 rest : open.subList(1, open.size())) {
      rest.sendHonest();
      rest.finish();
    }
    assertFalse(node2.db.get(() -> node2.beans.keyShares.isFrozen(KeyId.of(keyId))));
  }

  /**
   * A Node 2 that starts ends the sessions a previous process left open, so a crash does not hold
   * the key's places until they age out; a session it ended can no longer decrypt.
   */
  @Test
  void aRestartEndsTheSessionsLeftOpenAndThoseCanNoLongerDecrypt() {
    String keyId = "restart-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    List<WaitingForC3> open = new ArrayList<>();
    for (int i = 0; i < CAP; i++) {
      open.add(WaitingForC3.open(keyId, share));
    }
    assertEquals(CAP, (int) node2.db.get(() -> node2.beans.signingSessions.endAllOpen()));

    node1.ecdsaSign(keyId, share, Node1.random(32));
    open.get(0).sendHonest();
    assertRefused("TIMEOUT", Status.Code.DEADLINE_EXCEEDED, open.get(0).session::receive);
  }

  /**
   * Node 2 dies (or its database write fails) after decrypting and before it records whether the
   * signature verified, once after an honest {@code c3} and once after a crafted one whose freeze
   * cannot be written. Either way the suspect mark committed before decrypting stays, and once it
   * is older than {@code suspect-after} the key is frozen: the attacker cannot tell the two apart,
   * and a lost freeze leaks no bit.
   */
  @Test
  void aDecryptionWhoseOutcomeWasNeverRecordedFreezesTheKey() throws Exception {
    try (InProcessNode2 crashing = InProcessNode2.start(OutcomeNeverRecorded::new)) {
      Node1 attacker = new Node1(crashing, "customer:crash");
      for (boolean probe : new boolean[] {false, true}) {
        String keyId = (probe ? "lost-freeze-" : "crash-") + RANDOM.nextLong();
        EcdsaP2KeyShare share = attacker.committedEcdsaKey(keyId);
        WaitingForC3 session = WaitingForC3.open(attacker, keyId, share);
        if (probe) {
          session.sendProbe();
        } else {
          session.sendHonest();
        }
        io.grpc.StatusRuntimeException e =
            assertThrows(io.grpc.StatusRuntimeException.class, session.session::receive);
        assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
        assertNotNull(decryptStartedAt(crashing, session.sid));

        // Within suspect-after the mark may be an honest decryption still running elsewhere.
        KeyId id = KeyId.of(keyId);
        assertFalse(crashing.db.get(() -> crashing.beans.keyShares.isFrozen(id)));
        crashing.beans.clock.advance(Node2Beans.SUSPECT_AFTER.plus(Duration.ofSeconds(1)));

        byte[] digest = Node1.random(32);
        byte[] ticket = attacker.signTicket(keyId, "secp256k1", digest);
        Conversation next = openSign(attacker, Node1.sid(), keyId, digest, ticket);
        next.receive();
        assertRefused("KEY_FROZEN", Status.Code.FAILED_PRECONDITION, next::receive);
        assertTrue(crashing.db.get(() -> crashing.beans.keyShares.isFrozen(id)));
      }
    }
  }

  /** A store that loses the outcome of every decryption, as a crash right after it would. */
  private static final class OutcomeNeverRecorded extends TransactionalSigningSessions {
    OutcomeNeverRecorded(Node2Beans beans) {
      super(beans);
    }

    @Override
    public void verified(String sessionId) {
      throw new IllegalStateException("Node 2 went down before recording the signature");
    }

    @Override
    public void failed(KeyId id, String sessionId, String reason) {
      throw new IllegalStateException("the freeze could not be written");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A signing session brought to where Node 2 waits for {@code c3}. */
  private static final class WaitingForC3 {
    final SessionId sid;
    final Conversation session;
    final EcdsaSignP2 p2;
    final EcdsaP2KeyShare share;
    SignPartial honest;

    private WaitingForC3(SessionId sid, Conversation session, EcdsaSignP2 p2, EcdsaP2KeyShare s) {
      this.sid = sid;
      this.session = session;
      this.p2 = p2;
      this.share = s;
    }

    static WaitingForC3 open(String keyId, EcdsaP2KeyShare share) {
      return open(node1, keyId, share);
    }

    static WaitingForC3 open(Node1 node1, String keyId, EcdsaP2KeyShare share) {
      byte[] digest = Node1.random(32);
      SessionId sid = Node1.sid();
      Conversation c =
          openSign(node1, sid, keyId, digest, node1.signTicket(keyId, "secp256k1", digest));
      EcdsaSignP2 p2 =
          new EcdsaSignP2(
              share,
              sid,
              new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, BigInteger.ZERO),
              RANDOM);
      c.send(p2.onMessage(c.receive()).orElseThrow());
      WaitingForC3 w = new WaitingForC3(sid, c, p2, share);
      w.honest = SignPartial.fromBytes(p2.onMessage(c.receive()).orElseThrow());
      return w;
    }

    /** BitForge-style: Dec(c3) off by 2^200, so whether it verifies tells one bit. */
    void sendProbe() {
      BigInteger probe = share.paillierKey().encrypt(BigInteger.TWO.pow(200), RANDOM);
      session.send(new SignPartial(sid, share.paillierKey().add(honest.c3(), probe)).toBytes());
    }

    void sendHonest() {
      session.send(honest.toBytes());
    }

    void finish() {
      p2.onMessage(session.receive());
      p2.outcome();
      session.done();
    }
  }

  private static Conversation openSign(SessionId sid, String keyId, byte[] digest, byte[] ticket) {
    return openSign(node1, sid, keyId, digest, ticket);
  }

  private static Conversation openSign(
      Node1 node1, SessionId sid, String keyId, byte[] digest, byte[] ticket) {
    return node1.start(
        node1.open(sid, Operation.SIGN, Curve.SECP256K1, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(digest))
            .build());
  }

  /** When Node 2 recorded it was about to decrypt this session's {@code c3}, or null. */
  private static Object decryptStartedAt(SessionId sid) throws SQLException {
    return decryptStartedAt(node2, sid);
  }

  private static Object decryptStartedAt(InProcessNode2 node2, SessionId sid) throws SQLException {
    try (Connection jdbc = node2.db.jdbc();
        PreparedStatement q =
            jdbc.prepareStatement(
                "SELECT decrypt_started_at FROM node2_signing_session WHERE session_id = ?")) {
      q.setString(1, sid.hex());
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next(), "no signing session " + sid.hex());
        return rs.getObject(1);
      }
    }
  }
}
