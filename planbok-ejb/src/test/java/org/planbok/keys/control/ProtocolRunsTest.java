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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.vocabulary.RefusalReason;
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
  void exportsGiveTheDeviceTwoPartsThatAddUpToTheChildKey() throws Exception {
    AsymmetricCipherKeyPair device = ExportHpke.keyPair(random(32));
    byte[] devicePublicKey = ExportHpke.publicKey(device);
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
        open(sid, Operation.EXPORT, Curve.SECP256K1, ecdsaKey, devicePublicKey, path)) {
      ExportParts parts = ExportRun.ecdsa(s, ecdsa, sid, tweak, Secp256k1.INSTANCE.encode(child));
      BigInteger x =
          MaskedExport.combine(
              ExportCurve.SECP256K1,
              parts.node1Part(),
              node2Part(device, ecdsaKey, path.toString(), parts));
      assertEquals(child, Secp256k1.INSTANCE.multiplyGenerator(x).normalize());
    }

    KeyId eddsaKey = KeyId.random();
    EddsaKeyShare eddsa = EddsaKeyShare.fromBytes(keyGen(Curve.ED25519, eddsaKey).blob());
    SessionId sid2 = SessionId.random(RANDOM);
    try (Node2Session s =
        open(
            sid2,
            Operation.EXPORT,
            Curve.ED25519,
            eddsaKey,
            devicePublicKey,
            DerivationPath.of(3))) {
      Ed25519Derivation derivation = new Ed25519Derivation(eddsa.publicKey(), eddsa.chainCode());
      byte[] childKey = derivation.childPublicKey(3).encode();
      ExportParts parts = ExportRun.eddsa(s, eddsa, sid2, derivation.tweak(3), childKey);
      BigInteger a =
          MaskedExport.combine(
              ExportCurve.ED25519, parts.node1Part(), node2Part(device, eddsaKey, "m/3", parts));
      assertArrayEquals(childKey, Ed25519.INSTANCE.encode(Ed25519.INSTANCE.multiplyGenerator(a)));
    }
  }

  /** The device's side: Node 2's part, opened with the device key. */
  private static byte[] node2Part(
      AsymmetricCipherKeyPair device, KeyId keyId, String path, ExportParts parts)
      throws Exception {
    byte[] plaintext =
        ExportHpke.open(
            device,
            ExportHpke.NODE2_INFO,
            (keyId + ":" + path).getBytes(java.nio.charset.StandardCharsets.UTF_8),
            parts.node2Sealed());
    return Arrays.copyOfRange(plaintext, 2, 34);
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  @Test
  void rejectsANode2ThatReportsAnotherPublicKey() {
    node2.lieAboutPublicKey = new byte[32];
    try {
      Node2Refused e =
          assertThrows(Node2Refused.class, () -> keyGen(Curve.ED25519, KeyId.random()));
      assertEquals(RefusalReason.PROTOCOL_VIOLATION, e.reason());
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
