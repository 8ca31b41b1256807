package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbok.node2.sessions.boundary.SessionsServiceTest.assertRefused;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.FinalizeReply.State;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * Finalize over gRPC: the answer is the state of that session's staged share after the call, the
 * same however often Node 1 asks; a malformed request changes nothing.
 */
class FinalizeTest {
  private static InProcessNode2 node2;
  private static Node1 node1;

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:1");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void aKeygenIsCommittedOnceAndThenAnswersCommittedToEveryone() {
    String keyId = keyId();
    SessionId keygen = Node1.sid();
    node1.eddsaKeyGen(keygen, keyId, node1.keygenTicket(keyId));
    SessionId stranger = Node1.sid();
    assertEquals(State.ABANDONED, node1.finalize(keyId, stranger, true), "not its key");
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, false));
    assertEquals(State.ABANDONED, node1.finalize(keyId, stranger, false));
  }

  @Test
  void anAbandonedKeygenStaysAbandoned() {
    String keyId = keyId();
    SessionId keygen = Node1.sid();
    node1.eddsaKeyGen(keygen, keyId, node1.keygenTicket(keyId));
    assertEquals(State.ABANDONED, node1.finalize(keyId, keygen, false));
    assertEquals(State.ABANDONED, node1.finalize(keyId, keygen, true));
    assertEquals(State.ABANDONED, node1.finalize("never-made", keygen, true));
  }

  @Test
  void theKeygenStillAnswersCommittedAfterARefresh() {
    String keyId = keyId();
    SessionId keygen = Node1.sid();
    EddsaKeyShare share = node1.eddsaKeyGen(keygen, keyId, node1.keygenTicket(keyId));
    node1.finalize(keyId, keygen, true);
    SessionId refresh = Node1.sid();
    node1.eddsaRefresh(refresh, keyId, share, node1.refreshTicket(keyId));
    assertEquals(State.COMMITTED, node1.finalize(keyId, refresh, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, true));
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, false));
    assertEquals(State.COMMITTED, node1.finalize(keyId, refresh, false));
  }

  @Test
  void rejectsAMalformedKeyOrSessionIdAndChangesNothing() {
    String keyId = keyId();
    SessionId keygen = Node1.sid();
    node1.eddsaKeyGen(keygen, keyId, node1.keygenTicket(keyId));
    for (FinalizeRequest bad :
        new FinalizeRequest[] {
          request(keyId, new byte[31]),
          request(keyId, new byte[0]),
          request("not a key id", keygen.bytes()),
          request("", keygen.bytes())
        }) {
      assertRefused(
          "PROTOCOL_VIOLATION",
          Status.Code.INVALID_ARGUMENT,
          () -> SessionsGrpc.newBlockingStub(node2.channel).finalize(bad));
    }
    assertEquals(State.COMMITTED, node1.finalize(keyId, keygen, true));
  }

  private static FinalizeRequest request(String keyId, byte[] sid) {
    return FinalizeRequest.newBuilder()
        .setKeyId(keyId)
        .setSessionId(ByteString.copyFrom(sid))
        .setCommit(false)
        .build();
  }

  private static String keyId() {
    return "z-" + InProcessNode2.RANDOM.nextLong();
  }
}
