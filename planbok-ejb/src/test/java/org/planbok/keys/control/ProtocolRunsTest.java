package org.planbok.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.ExportedKey;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2client.Node2Refused;
import org.planbok.node2client.Node2Session;

/**
 * Node 1's rounds of every session against a Node 2 that plays P1 with planbok-mpc's parties over
 * in-process gRPC: keys come out the same on both sides, signatures verify with independent
 * verifiers, refreshed shares keep signing, exports reconstruct the child key.
 */
class ProtocolRunsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration ROUND = Duration.ofSeconds(30);
  private static PaillierKeyPool paillier;
  private static MpcNode2 node2;
  private static Server server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    paillier = PaillierKeyPool.start(1, RANDOM);
    node2 = new MpcNode2(paillier);
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(node2).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    paillier.close();
  }

  @Test
  void ecdsaKeySignsForItsChildrenAndRefreshedSharesKeepSigning() {
    KeyId keyId = KeyId.random();
    GeneratedShare made = keyGen(Curve.SECP256K1, keyId);
    EcdsaP2KeyShare share = EcdsaP2KeyShare.fromBytes(made.blob());
    assertArrayEquals(Secp256k1.INSTANCE.encode(share.publicKey()), made.publicKey());
    assertSigns(keyId, share, DerivationPath.of(44, 60, 0, 0, 5));

    SessionId sid = SessionId.random(RANDOM);
    GeneratedShare refreshed;
    try (Node2Session s = open(sid, Operation.REFRESH, Curve.SECP256K1, keyId, null, null)) {
      refreshed = RefreshRun.ecdsa(s, share, sid, keyId, RANDOM);
    }
    assertArrayEquals(made.publicKey(), refreshed.publicKey());
    EcdsaP2KeyShare next = EcdsaP2KeyShare.fromBytes(refreshed.blob());
    assertFalse(next.xB().equals(share.xB()), "the share changed");
    assertSigns(keyId, next, DerivationPath.root());
  }

  @Test
  void eddsaKeySignsAndItsRefreshKeepsTheKey() {
    KeyId keyId = KeyId.random();
    GeneratedShare made = keyGen(Curve.ED25519, keyId);
    EddsaKeyShare share = EddsaKeyShare.fromBytes(made.blob());
    byte[] message = new byte[32];
    RANDOM.nextBytes(message);
    BigInteger tweak = new Ed25519Derivation(share.publicKey(), share.chainCode()).tweak(3);
    SessionId sid = SessionId.random(RANDOM);
    byte[] signature;
    try (Node2Session s =
        open(sid, Operation.SIGN, Curve.ED25519, keyId, message, DerivationPath.of(3))) {
      signature = SigningRun.eddsa(s, share, sid, message, tweak, RANDOM).toBytes();
    }
    byte[] child =
        new Ed25519Derivation(share.publicKey(), share.chainCode()).childPublicKey(3).encode();
    assertTrue(
        org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
            signature, 0, child, 0, message, 0, message.length));

    SessionId refresh = SessionId.random(RANDOM);
    try (Node2Session s = open(refresh, Operation.REFRESH, Curve.ED25519, keyId, null, null)) {
      assertArrayEquals(made.publicKey(), RefreshRun.eddsa(s, share, refresh, RANDOM).publicKey());
    }
  }

  @Test
  void exportsReconstructTheChildKeys() {
    KeyId ecdsaKey = KeyId.random();
    EcdsaP2KeyShare ecdsa = EcdsaP2KeyShare.fromBytes(keyGen(Curve.SECP256K1, ecdsaKey).blob());
    DerivationPath path = DerivationPath.of(44, 60, 0, 0, 9);
    BigInteger tweak = Bip32.derive(ecdsa.publicKey(), ecdsa.chainCode(), path).tweak();
    ECPoint child =
        Secp256k1.INSTANCE
            .add(ecdsa.publicKey(), Secp256k1.INSTANCE.multiplyGenerator(tweak))
            .normalize();
    SessionId sid = SessionId.random(RANDOM);
    try (Node2Session s =
        open(sid, Operation.EXPORT, Curve.SECP256K1, ecdsaKey, new byte[32], path)) {
      ExportedKey key = ExportRun.ecdsa(s, ecdsa, sid, tweak, child);
      assertEquals(child, Secp256k1.INSTANCE.multiplyGenerator(new BigInteger(1, key.bytes())));
    }

    KeyId eddsaKey = KeyId.random();
    EddsaKeyShare eddsa = EddsaKeyShare.fromBytes(keyGen(Curve.ED25519, eddsaKey).blob());
    SessionId sid2 = SessionId.random(RANDOM);
    try (Node2Session s =
        open(sid2, Operation.EXPORT, Curve.ED25519, eddsaKey, new byte[32], null)) {
      EddsaKeyExport key = ExportRun.eddsa(s, eddsa, sid2, BigInteger.ZERO);
      assertArrayEquals(Ed25519.INSTANCE.encode(eddsa.publicKey()), key.publicKey());
    }
  }

  @Test
  void rejectsANode2ThatReportsAnotherPublicKey() {
    node2.lieAboutPublicKey = new byte[32];
    try {
      Node2Refused e =
          assertThrows(Node2Refused.class, () -> keyGen(Curve.ED25519, KeyId.random()));
      assertEquals(Node2Refused.Reason.PROTOCOL_VIOLATION, e.reason());
    } finally {
      node2.lieAboutPublicKey = null;
    }
  }

  private static GeneratedShare keyGen(Curve curve, KeyId keyId) {
    SessionId sid = SessionId.random(RANDOM);
    try (Node2Session s = open(sid, Operation.KEYGEN, curve, keyId, null, null)) {
      return KeyGenerationRun.run(s, curve, sid, keyId, RANDOM);
    }
  }

  private static void assertSigns(KeyId keyId, EcdsaP2KeyShare share, DerivationPath path) {
    BigInteger tweak = Bip32.derive(share.publicKey(), share.chainCode(), path).tweak();
    byte[] digest = new byte[32];
    RANDOM.nextBytes(digest);
    SessionId sid = SessionId.random(RANDOM);
    EcdsaSignature signature;
    try (Node2Session s = open(sid, Operation.SIGN, Curve.SECP256K1, keyId, digest, path)) {
      signature =
          SigningRun.ecdsa(
              s,
              share,
              sid,
              keyId,
              digest,
              tweak,
              RANDOM,
              () -> share.paillierKey().randomMask(RANDOM));
    }
    ECPoint child =
        Secp256k1.INSTANCE.add(share.publicKey(), Secp256k1.INSTANCE.multiplyGenerator(tweak));
    assertTrue(signature.verifies(child, digest));
  }

  private static Node2Session open(
      SessionId sid, Operation op, Curve curve, KeyId keyId, byte[] message, DerivationPath path) {
    SessionOpen.Builder open =
        SessionOpen.newBuilder()
            .setSessionId(ByteString.copyFrom(sid.bytes()))
            .setOperation(op)
            .setCurve(
                curve == Curve.SECP256K1
                    ? org.planbok.node2.api.Curve.SECP256K1
                    : org.planbok.node2.api.Curve.ED25519)
            .setKeyId(keyId.toString())
            .setSubject("customer:test");
    if (message != null) {
      open.setMessage(ByteString.copyFrom(message));
    }
    if (path != null) {
      open.setPath(path.toString());
    }
    return Node2Session.open(channel, open.build(), ROUND, ROUND);
  }
}
