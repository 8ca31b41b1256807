package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.testing.Conversation;
import org.planbok.node2.testing.InProcessNode2;
import org.planbok.node2.testing.Node1;

/**
 * A compromised Node 1 chooses the tweak a signature is made under. Node 2 used to take Node 1's
 * {@code tweak} as given, so a SIGN ticket for one child key (its digest) could sign for any key
 * {@code Q + t·G} Node 1 liked, including keys no wallet shows. Node 2 now derives the tweak from
 * the path and its own view of the key (DESIGN §6), and refuses a tweak that is not the path's.
 */
class ForeignTweakAttackTest {
  private static final java.security.SecureRandom RANDOM = InProcessNode2.RANDOM;
  private static InProcessNode2 node2;
  private static Node1 node1;

  @BeforeAll
  static void start() throws Exception {
    node2 = InProcessNode2.start();
    node1 = new Node1(node2, "customer:tweak");
  }

  @AfterAll
  static void stop() throws Exception {
    node2.close();
  }

  @Test
  void aTweakThatIsNotThePathsIsRefusedAndTheTicketStaysUnused() {
    String keyId = "tweak-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    DerivationPath wallet = DerivationPath.of(44, 60, 0, 0, 0);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", digest, wallet);
    BigInteger chosen = new BigInteger(250, RANDOM);

    Conversation c = node1.start(open(keyId, digest, ticket, wallet, chosen));
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, c::receive);
    // Another wallet's tweak under this wallet's path is refused just the same.
    BigInteger sibling = Node1.tweak(share, DerivationPath.of(44, 60, 0, 0, 1));
    Conversation d = node1.start(open(keyId, digest, ticket, wallet, sibling));
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, d::receive);

    EcdsaSignature signed = node1.ecdsaSign(keyId, share, digest, wallet, ticket);
    assertTrue(signed.verifies(childKey(share, wallet), digest));
  }

  @Test
  void aPathAloneSignsForThePathsChildKey() {
    String keyId = "path-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    DerivationPath path = DerivationPath.of(84, 0, 0, 0, 3);
    BigInteger tweak = Node1.tweak(share, path);
    SessionId sid = Node1.sid();
    Conversation c =
        node1.start(
            node1
                .open(
                    sid,
                    Operation.SIGN,
                    Curve.SECP256K1,
                    keyId,
                    node1.signTicket(keyId, "secp256k1", digest, path))
                .toBuilder()
                .setMessage(ByteString.copyFrom(digest))
                .setPath(path.toString())
                .build());
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, tweak),
            RANDOM);
    EcdsaSignature signature = c.play(p2);
    c.done();
    assertTrue(signature.verifies(childKey(share, path), digest));
  }

  /**
   * The ticket records the path the customer's secret check bought it for: Node 1 cannot spend a
   * ticket for wallet 0 on wallet 1 (or on the root key), even with the right digest.
   */
  @Test
  void aTicketForOnePathCannotSignForAnother() {
    String keyId = "ticket-path-" + RANDOM.nextLong();
    EcdsaP2KeyShare share = node1.committedEcdsaKey(keyId);
    byte[] digest = Node1.random(32);
    DerivationPath bought = DerivationPath.of(44, 60, 0, 0, 0);
    byte[] ticket = node1.signTicket(keyId, "secp256k1", digest, bought);
    for (DerivationPath other :
        new DerivationPath[] {DerivationPath.of(44, 60, 0, 0, 1), DerivationPath.root()}) {
      Conversation c = node1.start(open(keyId, digest, ticket, other, null));
      c.receive(); // the nonce commitment, sent before the ticket is redeemed
      assertRefused("BAD_TICKET", Status.Code.PERMISSION_DENIED, c::receive);
    }
    EddsaKeyShare eddsa = node1.committedEddsaKey(keyId + "-ed");
    byte[] message = "pay 1 SOL".getBytes(StandardCharsets.UTF_8);
    byte[] edTicket = node1.signTicket(keyId + "-ed", "ed25519", message, DerivationPath.of(2));
    SessionOpen wrongWallet =
        node1.open(Node1.sid(), Operation.SIGN, Curve.ED25519, keyId + "-ed", edTicket).toBuilder()
            .setMessage(ByteString.copyFrom(message))
            .setPath("m/3")
            .build();
    assertRefused("BAD_TICKET", Status.Code.PERMISSION_DENIED, node1.start(wrongWallet)::receive);
    assertTrue(Node1.tweak(eddsa, DerivationPath.of(3)).signum() > 0);

    // Refused redemptions leave the ticket unused: it still signs for the path it was bought for.
    EcdsaSignature signed = node1.ecdsaSign(keyId, share, digest, bought, ticket);
    assertTrue(signed.verifies(childKey(share, bought), digest));
  }

  @Test
  void rejectsHardenedAndMalformedPathsAndDeepEd25519Paths() {
    String ecdsaKey = "bad-path-" + RANDOM.nextLong();
    node1.committedEcdsaKey(ecdsaKey);
    String eddsaKey = "bad-ed-path-" + RANDOM.nextLong();
    EddsaKeyShare eddsa = node1.committedEddsaKey(eddsaKey);
    byte[] digest = Node1.random(32);
    for (String path : new String[] {"m/44'/60'/0'", "m/0/x", "44/60", "m/2147483648"}) {
      SessionOpen open =
          open(ecdsaKey, digest, node1.signTicket(ecdsaKey, "secp256k1", digest), null, null)
              .toBuilder()
              .setPath(path)
              .build();
      assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, node1.start(open)::receive);
    }
    byte[] message = "hi".getBytes(StandardCharsets.UTF_8);
    SessionOpen deep =
        node1
            .open(
                Node1.sid(),
                Operation.SIGN,
                Curve.ED25519,
                eddsaKey,
                node1.signTicket(eddsaKey, "ed25519", message))
            .toBuilder()
            .setMessage(ByteString.copyFrom(message))
            .setPath("m/1/2")
            .build();
    assertRefused("PROTOCOL_VIOLATION", Status.Code.INVALID_ARGUMENT, node1.start(deep)::receive);
    assertTrue(Node1.tweak(eddsa, DerivationPath.of(1)).signum() > 0);
  }

  private static SessionOpen open(
      String keyId, byte[] digest, byte[] ticket, DerivationPath path, BigInteger tweak) {
    SessionOpen.Builder open =
        node1.open(Node1.sid(), Operation.SIGN, Curve.SECP256K1, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(digest));
    if (path != null) {
      open.setPath(path.toString());
    }
    if (tweak != null) {
      open.setTweak(ByteString.copyFrom(Secp256k1.scalarBytes(tweak)));
    }
    return open.build();
  }

  private static org.bouncycastle.math.ec.ECPoint childKey(
      EcdsaP2KeyShare share, DerivationPath path) {
    return Secp256k1.INSTANCE.add(
        share.publicKey(), Secp256k1.INSTANCE.multiplyGenerator(Node1.tweak(share, path)));
  }
}
