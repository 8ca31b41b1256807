package org.planbok.node2.sessions.boundary;

import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP2;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.Operation;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * A malicious Node 1 replays the id of a signing session that already ran, with a fresh ticket. For
 * EdDSA a replay over the same message is what a stuck random generator at Node 2 would turn into a
 * repeated nonce and so the share; Node 2 keeps every signing session's id and refuses the replay
 * before it draws a nonce or reads anything of Node 1's, with the ticket unused.
 */
class ReplayedSigningSessionTest {
  private static final java.security.SecureRandom RANDOM = InProcessNode2.RANDOM;
  private static InProcessNode2 node2;
  private static Node1 node1;

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:replay");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void aReplayedEddsaSessionIdIsRefusedBeforeNode2AnswersANonce() {
    String keyId = "replay-ed-" + RANDOM.nextLong();
    EddsaKeyShare share = node1.committedEddsaKey(keyId);
    byte[] message = "pay 1 SOL to alice".getBytes();
    SessionId sid = Node1.sid();
    sign(keyId, share, sid, message, node1.signTicket(keyId, "ed25519", message));

    byte[] ticket = node1.signTicket(keyId, "ed25519", message);
    Conversation replay = node1.start(eddsaOpen(sid, keyId, message, ticket));
    replay.send(
        new EddsaSignP2(share, sid, message, BigInteger.ZERO, RANDOM).firstMessage().orElseThrow());
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, replay::receive);

    // The refusal came before the ticket was used: it signs under a new session id.
    sign(keyId, share, Node1.sid(), message, ticket);
  }

  @Test
  void aReplayedEcdsaSessionIdIsRefused() {
    String keyId = "replay-ec-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    SessionId sid = Node1.sid();
    Conversation first = ecdsaOpen(sid, keyId, digest);
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, BigInteger.ZERO),
            RANDOM);
    first.play(p2);
    first.done();

    Conversation replay = ecdsaOpen(sid, keyId, digest);
    replay.receive(); // the nonce commitment, fresh and about nothing of the key
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, replay::receive);
  }

  private static void sign(
      String keyId, EddsaKeyShare share, SessionId sid, byte[] message, byte[] ticket) {
    Conversation c = node1.start(eddsaOpen(sid, keyId, message, ticket));
    EddsaSignP2 p2 = new EddsaSignP2(share, sid, message, BigInteger.ZERO, RANDOM);
    if (!Node1.verifies(share, c.play(p2), message)) {
      throw new AssertionError("the joint signature does not verify");
    }
    c.done();
  }

  private static Conversation ecdsaOpen(SessionId sid, String keyId, byte[] digest) {
    return node1.start(
        node1
            .open(
                sid,
                Operation.SIGN,
                Curve.SECP256K1,
                keyId,
                node1.signTicket(keyId, "secp256k1", digest))
            .toBuilder()
            .setMessage(ByteString.copyFrom(digest))
            .build());
  }

  private static org.planbok.node2.api.SessionOpen eddsaOpen(
      SessionId sid, String keyId, byte[] message, byte[] ticket) {
    return node1.open(sid, Operation.SIGN, Curve.ED25519, keyId, ticket).toBuilder()
        .setMessage(ByteString.copyFrom(message))
        .build();
  }
}
