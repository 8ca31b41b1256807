package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.Node1Protocols.wanted;
import static org.planbok.it.SystemApiIT.assertProblem;

import io.grpc.StatusRuntimeException;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Operation;

/**
 * DESIGN §3, BitForge (CVE-2023-33242): a Node 1 that sends a crafted {@code c3} makes the joint
 * signature fail at Node 2, and Node 2 freezes the key at once and for good: it refuses to sign
 * after a restart of both servers, the API shows the key frozen, and only a refresh (authorised by
 * the customer's PIN, audited) lifts it.
 */
@ExtendWith(ArquillianExtension.class)
class FrozenKeyIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void aCraftedSignatureFreezesTheKeyUntilARefreshEvenAcrossRestarts() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Frozen Co"), "258000");
    String keyId = customer.key("258000", "secp256k1").getString("id");
    String digest = HexFormat.of().formatHex(Node2RefusalsIT.random(32));
    assertEquals(200, customer.signDigest("258000", keyId, digest, null, null).status());

    try (Node1Link node2 = Node1Link.open()) {
      EcdsaP2KeyShare share =
          CompromisedNode1.ecdsaShare(node2, customer.subject(), customer.secret("258000"), keyId);
      byte[] d = Node2RefusalsIT.random(32);
      byte[] ticket =
          node2.ticket(
              customer.subject(),
              java.util.Base64.getUrlDecoder().decode(customer.secret("258000")),
              wanted(keyId, Operation.SIGN, d));
      StatusRuntimeException frozen =
          assertThrows(
              StatusRuntimeException.class,
              () -> Node1Protocols.sign(node2, customer.subject(), keyId, share, d, ticket, true));
      assertEquals("KEY_FROZEN", Node1Link.reasonOf(frozen));
    }
    assertProblem(customer.signDigest("258000", keyId, digest, null, null), 409, "key-frozen");
    JsonObject key = customer.tenant().get(customer.path("/keys/" + keyId)).json();
    assertTrue(key.getBoolean("frozen"), key.toString());

    Servers.restartBoth();

    assertProblem(customer.signDigest("258000", keyId, digest, null, null), 409, "key-frozen");
    try (Node1Link node2 = Node1Link.open()) {
      EcdsaP2KeyShare share =
          CompromisedNode1.ecdsaShare(node2, customer.subject(), customer.secret("258000"), keyId);
      byte[] d = Node2RefusalsIT.random(32);
      byte[] ticket =
          node2.ticket(
              customer.subject(),
              java.util.Base64.getUrlDecoder().decode(customer.secret("258000")),
              wanted(keyId, Operation.SIGN, d));
      StatusRuntimeException still =
          assertThrows(
              StatusRuntimeException.class,
              () -> Node1Protocols.sign(node2, customer.subject(), keyId, share, d, ticket, false));
      assertEquals("KEY_FROZEN", Node1Link.reasonOf(still), "an honest signature is refused too");
    }

    Api.Reply refreshed = customer.refresh("258000", keyId);
    assertEquals(200, refreshed.status(), refreshed.body());
    assertFalse(refreshed.json().getBoolean("frozen"));
    assertEquals(key.getString("publicKey"), refreshed.json().getString("publicKey"));
    Api.Reply signs = customer.signDigest("258000", keyId, digest, null, null);
    assertEquals(200, signs.status(), signs.body());
    KeySessionsIT.assertEcdsaVerifies(signs.json(), HexFormat.of().parseHex(digest));
  }

  /**
   * The freeze stops sessions that were already open (issue 12): a compromised Node 1 opens Node
   * 2's cap of signing sessions while the key is unfrozen and brings each to where Node 2 waits for
   * {@code c3}. One crafted {@code c3} freezes the key; the others, honest ones included, are
   * refused instead of being decrypted and answered (each answer would be one bit of the share).
   */
  @Test
  void sessionsOpenedBeforeTheFreezeAreRefusedWhenTheirC3Arrives() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Parallel Co"), "369000");
    String keyId = customer.key("369000", "secp256k1").getString("id");
    byte[] secret = Base64.getUrlDecoder().decode(customer.secret("369000"));
    try (Node1Link node2 = Node1Link.open()) {
      EcdsaP2KeyShare share =
          CompromisedNode1.ecdsaShare(node2, customer.subject(), customer.secret("369000"), keyId);
      List<Node1Link.Stream> streams = new ArrayList<>();
      List<SignPartial> partials = new ArrayList<>();
      List<SessionId> sids = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          byte[] d = Node2RefusalsIT.random(32);
          byte[] ticket =
              node2.ticket(customer.subject(), secret, wanted(keyId, Operation.SIGN, d));
          SessionId sid = SessionId.random(Node1Protocols.RANDOM);
          Node1Link.Stream s =
              node2.session(
                  Node1Protocols.open(sid, Operation.SIGN, keyId, customer.subject(), ticket, d));
          streams.add(s);
          EcdsaSignP2 p2 =
              new EcdsaSignP2(
                  share,
                  sid,
                  new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), d, BigInteger.ZERO),
                  Node1Protocols.RANDOM);
          // Node 1's honest rounds up to c3, which it holds back.
          s.send(p2.onMessage(s.receive()).orElseThrow());
          partials.add(SignPartial.fromBytes(p2.onMessage(s.receive()).orElseThrow()));
          sids.add(sid);
        }
        PaillierPublicKey pk = share.paillierKey();
        SignPartial probe =
            new SignPartial(
                sids.get(0),
                pk.add(partials.get(0).c3(), pk.encrypt(BigInteger.ONE, Node1Protocols.RANDOM)));
        streams.get(0).send(probe.toBytes());
        StatusRuntimeException frozen =
            assertThrows(StatusRuntimeException.class, streams.get(0)::receive);
        assertEquals("KEY_FROZEN", Node1Link.reasonOf(frozen));
        for (int i = 1; i < streams.size(); i++) {
          streams.get(i).send(partials.get(i).toBytes());
          StatusRuntimeException later =
              assertThrows(StatusRuntimeException.class, streams.get(i)::receive);
          assertEquals("KEY_FROZEN", Node1Link.reasonOf(later), "session " + i + " answered");
        }
      } finally {
        for (Node1Link.Stream s : streams) {
          s.close();
        }
      }
    }
    String digest = HexFormat.of().formatHex(Node2RefusalsIT.random(32));
    assertProblem(customer.signDigest("369000", keyId, digest, null, null), 409, "key-frozen");
  }
}
