package org.planbok.node2.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP2;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaRefreshP2;
import org.planbok.mpc.ecdsa.EcdsaSignP2;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaRefreshP2;
import org.planbok.mpc.eddsa.EddsaSignP2;
import org.planbok.mpc.eddsa.EddsaSignature;
import org.planbok.mpc.eddsa.SeedKeyGenP2;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.Curve;
import org.planbok.node2.api.ExportChallengeRequest;
import org.planbok.node2.api.ExportKeyRequest;
import org.planbok.node2.api.ExportsGrpc;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.api.vocabulary.TicketDigest;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.tickets.control.TicketRequest;

/**
 * Node 1's side of the sessions in tests, played by the real P2 parties of planbok-mpc for one
 * subject. Tickets are minted straight from Node 2's store, as a successful secret check would.
 */
public final class Node1 {
  private static final SecureRandom RANDOM = InProcessNode2.RANDOM;

  private final InProcessNode2 node2;
  private final String subject;

  public Node1(InProcessNode2 node2, String subject) {
    this.node2 = node2;
    this.subject = subject;
  }

  public String subject() {
    return subject;
  }

  public static SessionId sid() {
    return SessionId.random(RANDOM);
  }

  public static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** A ticket for this subject as a successful check of its unlock secret would mint it. */
  public byte[] ticket(
      String keyId, org.planbok.node2.api.vocabulary.Operation operation, byte[] digest) {
    return ticket(keyId, operation, digest, SubjectKind.require(subject).unlockPurpose().label());
  }

  /** A ticket for this subject as a successful check of a {@code boughtBy} secret would mint it. */
  public byte[] ticket(
      String keyId,
      org.planbok.node2.api.vocabulary.Operation operation,
      byte[] digest,
      String boughtBy) {
    return ticket(keyId, operation, digest, DerivationPath.root(), boughtBy);
  }

  /** A ticket bound to the child key at {@code path}, bought by the subject's unlock purpose. */
  public byte[] ticket(
      String keyId,
      org.planbok.node2.api.vocabulary.Operation operation,
      byte[] digest,
      DerivationPath path) {
    return ticket(
        keyId, operation, digest, path, SubjectKind.require(subject).unlockPurpose().label());
  }

  public byte[] ticket(
      String keyId,
      org.planbok.node2.api.vocabulary.Operation operation,
      byte[] digest,
      DerivationPath path,
      String boughtBy) {
    return node2
        .db
        .get(
            () ->
                node2.beans.tickets.mint(
                    new TicketRequest(
                        Subject.of(subject), KeyId.of(keyId), operation, digest, path),
                    Purpose.parse(boughtBy).orElseThrow()))
        .bytes();
  }

  public byte[] keygenTicket(String keyId) {
    return ticket(keyId, org.planbok.node2.api.vocabulary.Operation.KEYGEN, null);
  }

  /** A SIGN ticket bound to the digest Node 2 computes for the curve. */
  public byte[] signTicket(String keyId, String curve, byte[] message) {
    return signTicket(keyId, curve, message, DerivationPath.root());
  }

  /** A SIGN ticket for the child key at {@code path}. */
  public byte[] signTicket(String keyId, String curve, byte[] message, DerivationPath path) {
    return ticket(
        keyId,
        org.planbok.node2.api.vocabulary.Operation.SIGN,
        TicketDigest.of(
            org.planbok.node2.api.vocabulary.Operation.SIGN,
            org.planbok.node2.api.vocabulary.Curve.parse(curve).orElseThrow(),
            message),
        path);
  }

  public SessionOpen open(SessionId sid, Operation op, Curve curve, String keyId, byte[] ticket) {
    return SessionOpen.newBuilder()
        .setSessionId(ByteString.copyFrom(sid.bytes()))
        .setOperation(op)
        .setCurve(curve)
        .setKeyId(keyId)
        .setSubject(subject)
        .setTicket(ByteString.copyFrom(ticket))
        .build();
  }

  public Conversation start(SessionOpen open) {
    return new Conversation(node2.channel, open);
  }

  public EcdsaP2KeyShare ecdsaKeyGen(SessionId sid, String keyId, byte[] ticket) {
    Conversation c = start(open(sid, Operation.KEYGEN, Curve.SECP256K1, keyId, ticket));
    EcdsaKeyGenP2 p2 = new EcdsaKeyGenP2(sid, keyId.getBytes(StandardCharsets.UTF_8), RANDOM);
    EcdsaP2KeyShare share = c.play(p2);
    assertArrayEquals(
        Secp256k1.INSTANCE.encode(share.publicKey()), c.done().getPublicKey().toByteArray());
    return share;
  }

  public EddsaKeyShare eddsaKeyGen(SessionId sid, String keyId, byte[] ticket) {
    Conversation c = start(open(sid, Operation.KEYGEN, Curve.ED25519, keyId, ticket));
    SeedKeyGenP2 p2 = new SeedKeyGenP2(sid, keyId.getBytes(StandardCharsets.UTF_8), RANDOM);
    EddsaKeyShare share = c.play(p2);
    assertArrayEquals(
        Ed25519.INSTANCE.encode(share.publicKey()), c.done().getPublicKey().toByteArray());
    return share;
  }

  /** A key made with a KEYGEN ticket and committed by both nodes. */
  public EcdsaP2KeyShare committedEcdsaKey(String keyId) {
    SessionId sid = sid();
    EcdsaP2KeyShare share = ecdsaKeyGen(sid, keyId, keygenTicket(keyId));
    finalize(keyId, sid, true);
    return share;
  }

  public EddsaKeyShare committedEddsaKey(String keyId) {
    SessionId sid = sid();
    EddsaKeyShare share = eddsaKeyGen(sid, keyId, keygenTicket(keyId));
    finalize(keyId, sid, true);
    return share;
  }

  public FinalizeReply.State finalize(String keyId, SessionId sid, boolean commit) {
    return SessionsGrpc.newBlockingStub(node2.channel)
        .finalize(
            FinalizeRequest.newBuilder()
                .setKeyId(keyId)
                .setSessionId(ByteString.copyFrom(sid.bytes()))
                .setCommit(commit)
                .build())
        .getState();
  }

  /** The tweak of {@code path} below the key, as Node 1 computes it (BIP32 CKDpub). */
  public static BigInteger tweak(EcdsaP2KeyShare share, DerivationPath path) {
    return Bip32.derive(share.publicKey(), share.chainCode(), path).tweak();
  }

  /** ed25519: the tweak of {@code m/i} (or 0 at the root), DESIGN §4's additive derivation. */
  public static BigInteger tweak(EddsaKeyShare share, DerivationPath path) {
    return path.indices().isEmpty()
        ? BigInteger.ZERO
        : new Ed25519Derivation(share.publicKey(), share.chainCode()).tweak(path.indices().get(0));
  }

  /** Signs with the child key at {@code path}, which Node 1 sends with its tweak. */
  public EcdsaSignature ecdsaSign(
      String keyId, EcdsaP2KeyShare share, byte[] digest, DerivationPath path, byte[] ticket) {
    SessionId sid = sid();
    BigInteger tweak = tweak(share, path);
    SessionOpen open =
        open(sid, Operation.SIGN, Curve.SECP256K1, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(digest))
            .setPath(path.toString())
            .setTweak(ByteString.copyFrom(Secp256k1.scalarBytes(tweak)))
            .build();
    Conversation c = start(open);
    EcdsaSignP2 p2 =
        new EcdsaSignP2(
            share,
            sid,
            new SignRequest(keyId.getBytes(StandardCharsets.UTF_8), digest, tweak),
            RANDOM);
    EcdsaSignature signature = c.play(p2);
    c.done();
    return signature;
  }

  /** Signs the digest at the root key with a fresh SIGN ticket. */
  public EcdsaSignature ecdsaSign(String keyId, EcdsaP2KeyShare share, byte[] digest) {
    return ecdsaSign(
        keyId, share, digest, DerivationPath.root(), signTicket(keyId, "secp256k1", digest));
  }

  public EddsaSignature eddsaSign(
      String keyId, EddsaKeyShare share, byte[] message, byte[] ticket) {
    SessionId sid = sid();
    SessionOpen open =
        open(sid, Operation.SIGN, Curve.ED25519, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(message))
            .build();
    Conversation c = start(open);
    EddsaSignP2 p2 = new EddsaSignP2(share, sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignature signature = c.play(p2);
    c.done();
    return signature;
  }

  /** Signs the message with a fresh SIGN ticket. */
  public EddsaSignature eddsaSign(String keyId, EddsaKeyShare share, byte[] message) {
    return eddsaSign(keyId, share, message, signTicket(keyId, "ed25519", message));
  }

  public byte[] refreshTicket(String keyId) {
    return ticket(keyId, org.planbok.node2.api.vocabulary.Operation.REFRESH, null);
  }

  /** Refreshes Node 1's half; Node 2's new half is staged until {@link #finalize}. */
  public EcdsaP2KeyShare ecdsaRefresh(
      SessionId sid, String keyId, EcdsaP2KeyShare share, byte[] ticket) {
    Conversation c = start(open(sid, Operation.REFRESH, Curve.SECP256K1, keyId, ticket));
    EcdsaRefreshP2 p2 =
        new EcdsaRefreshP2(share, sid, keyId.getBytes(StandardCharsets.UTF_8), RANDOM);
    EcdsaP2KeyShare refreshed = c.play(p2);
    assertArrayEquals(
        Secp256k1.INSTANCE.encode(share.publicKey()), c.done().getPublicKey().toByteArray());
    return refreshed;
  }

  public EddsaKeyShare eddsaRefresh(
      SessionId sid, String keyId, EddsaKeyShare share, byte[] ticket) {
    Conversation c = start(open(sid, Operation.REFRESH, Curve.ED25519, keyId, ticket));
    EddsaRefreshP2 p2 = new EddsaRefreshP2(share, sid, RANDOM);
    EddsaKeyShare refreshed = c.play(p2);
    assertArrayEquals(
        Ed25519.INSTANCE.encode(share.publicKey()), c.done().getPublicKey().toByteArray());
    return refreshed;
  }

  /** An EXPORT ticket bound to SHA-256 of the device key. */
  public byte[] exportTicket(String keyId, byte[] deviceKey) {
    return exportTicket(keyId, deviceKey, DerivationPath.root());
  }

  /** An EXPORT ticket for the child key at {@code path}. */
  public byte[] exportTicket(String keyId, byte[] deviceKey, DerivationPath path) {
    org.planbok.node2.api.vocabulary.Operation export =
        org.planbok.node2.api.vocabulary.Operation.EXPORT;
    return ticket(
        keyId,
        export,
        TicketDigest.of(export, org.planbok.node2.api.vocabulary.Curve.ED25519, deviceKey),
        path);
  }

  /** What an export session carries beyond the others (issue 12 item 4). */
  public record ExportTerms(String path, byte[] authorization, byte[] challenge) {
    /** An organization's export: the path only. */
    public static ExportTerms unauthorized(String path) {
      return new ExportTerms(path, new byte[0], new byte[0]);
    }
  }

  /**
   * Opens an export; Node 2 answers with one round (the mask for Node 1), then the end with its
   * part sealed to the device.
   */
  public Conversation openExport(
      SessionId sid,
      Curve curve,
      String keyId,
      byte[] deviceKey,
      BigInteger tweak,
      byte[] ticket,
      ExportTerms terms) {
    SessionOpen.Builder open =
        open(sid, Operation.EXPORT, curve, keyId, ticket).toBuilder()
            .setMessage(ByteString.copyFrom(deviceKey))
            .setPath(terms.path())
            .setAuthorization(ByteString.copyFrom(terms.authorization()))
            .setChallenge(ByteString.copyFrom(terms.challenge()));
    if (tweak.signum() != 0) {
      open.setTweak(ByteString.copyFrom(Secp256k1.scalarBytes(tweak)));
    }
    return start(open.build());
  }

  /** Opens an export of the child key at {@code path} with no device authorization. */
  public Conversation openExport(
      SessionId sid,
      Curve curve,
      String keyId,
      byte[] deviceKey,
      DerivationPath path,
      byte[] ticket) {
    return openExport(
        sid,
        curve,
        keyId,
        deviceKey,
        BigInteger.ZERO,
        ticket,
        ExportTerms.unauthorized(path.toString()));
  }

  /** Enrolls the device's PIN secret for this subject, as a first PIN set-up does. */
  public void enrollPin(Device device) {
    node2.db.run(
        () -> {
          try {
            node2.beans.oracle.enroll(
                Subject.of(subject), Purpose.PIN, device.encryptedSecret(), null);
          } catch (org.planbok.node2.secrets.control.EnrollRefused e) {
            throw new AssertionError(e);
          }
        });
  }

  /** A fresh export challenge for this subject's key, over the Exports service. */
  public byte[] challenge(String keyId) {
    return ExportsGrpc.newBlockingStub(node2.channel)
        .exportChallenge(
            ExportChallengeRequest.newBuilder().setSubject(subject).setKeyId(keyId).build())
        .getChallenge()
        .toByteArray();
  }

  /** Node 2's export-authorization public key, as Node 1 serves it to devices. */
  public byte[] exportKey() {
    return ExportsGrpc.newBlockingStub(node2.channel)
        .exportKey(ExportKeyRequest.getDefaultInstance())
        .getPublicKey()
        .toByteArray();
  }

  /**
   * What an honest integrator relays for the device: a fresh challenge, the device's authorization
   * of this key and path, sealed against it.
   */
  public ExportTerms authorizedBy(Device device, String keyId, String path) {
    byte[] challenge = challenge(keyId);
    return new ExportTerms(
        path, device.authorize(exportKey(), challenge, device.publicKey(), keyId, path), challenge);
  }

  /** Does a standard RFC 8032 verifier accept the signature under the share's joint key? */
  public static boolean verifies(EddsaKeyShare share, EddsaSignature signature, byte[] message) {
    byte[] publicKey = Ed25519.INSTANCE.encode(share.publicKey());
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature.toBytes(), 0, publicKey, 0, message, 0, message.length);
  }
}
