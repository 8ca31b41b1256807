package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Node 1's side (P2) of two-party EdDSA signing (DESIGN §4): commits to R2 first, owns the
 * derivation tweak, assembles the signature and verifies it with BouncyCastle's RFC 8032 verifier
 * before returning it. One object signs one message once.
 *
 * <pre>
 * P2 → P1  SignCommitment  C = Com(A', A1, A2, SHA-512(M), R2)
 * P1 → P2  SignNonce       R1
 * P2 → P1  SignOpening     R2, ρ
 * P1 → P2  SignPartial     s1 = r1 + k·a1
 * P2       s = s1 + r2 + k·(a2 + t) mod ℓ, R = R1 + R2, k = SHA-512(R ‖ A' ‖ M) mod ℓ
 * </pre>
 */
public final class EddsaSignP2 implements Participant<EddsaSignature> {
  static final String COMMIT_LABEL = "eddsa/sign/nonce/ed25519";
  private static final org.planbok.mpc.group.Ed25519 G = org.planbok.mpc.group.Ed25519.INSTANCE;

  private enum Step {
    START,
    COMMITTED,
    OPENED,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private EddsaSignature signature;
  private final SigningContext context;
  private final SessionId sid;
  private final SecureRandom random;
  private BigInteger r2;
  private EdPoint nonce;
  private Commitment.Committed committed;
  private byte[] jointNonce;
  private BigInteger challenge;

  /**
   * @param share Node 1's (P2's) key share
   * @param message the message M, signed as RFC 8032 PureEdDSA
   * @param tweak the derivation tweak t in [0, ℓ) ({@code Ed25519Derivation#tweak}); 0 for A
   */
  public EddsaSignP2(
      EddsaKeyShare share, SessionId sid, byte[] message, BigInteger tweak, SecureRandom random) {
    if (share.party() != Party.P2) {
      throw new IllegalArgumentException("EddsaSignP2 needs P2's share");
    }
    this.context = new SigningContext(share, message, tweak);
    this.sid = sid;
    this.random = random;
  }

  /** The commitment to R2 ({@link #start()}): P2 speaks first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(start().toBytes());
  }

  /** The opening on P1's nonce ({@link #onNonce}); the end on its partial ({@link #onPartial}). */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (stage.current()) {
      case COMMITTED -> Optional.of(onNonce(SignNonce.fromBytes(message)).toBytes());
      case OPENED -> {
        signature = onPartial(SignPartial.fromBytes(message));
        yield Optional.empty();
      }
      case START, DONE, FAILED ->
          throw new ProtocolAbort(AbortReason.WRONG_STATE, "signing is not under way");
    };
  }

  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  /** The signature, verified under the child key with a standard RFC 8032 verifier. */
  @Override
  public EddsaSignature outcome() {
    stage.require(Step.DONE);
    return signature;
  }

  /** Round 1: draws the hedged nonce r2 and commits to R2 = r2·B. */
  SignCommitment start() {
    stage.begin(Step.START);
    r2 = nonceFor(context, sid, Party.P2, new byte[0], random);
    nonce = G.multiplyGenerator(r2);
    committed = Commitment.commit(COMMIT_LABEL, sid, Party.P2, context.noncePayload(nonce), random);
    stage.reach(Step.COMMITTED);
    return new SignCommitment(sid, committed.commitment());
  }

  /** Round 3: receives R1, fixes R = R1 + R2 and k, and opens the commitment. */
  SignOpening onNonce(SignNonce msg) {
    stage.begin(Step.COMMITTED);
    Frame.requireSession(sid, msg);
    EdPoint r = G.add(msg.nonce(), nonce);
    if (G.isIdentity(r)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "joint nonce is the identity");
    }
    jointNonce = r.encode();
    challenge = context.challenge(jointNonce);
    stage.reach(Step.OPENED);
    return new SignOpening(sid, nonce, committed.opening().randomness());
  }

  /** Round 5: adds s1, checks the signature under A' with BouncyCastle, returns R ‖ s. */
  EddsaSignature onPartial(SignPartial msg) {
    stage.begin(Step.OPENED);
    Frame.requireSession(sid, msg);
    BigInteger ownKey = context.share.secretShare().add(context.tweak);
    BigInteger s2 = r2.add(challenge.multiply(ownKey)).mod(G.order());
    BigInteger s = msg.partial().add(s2).mod(G.order());
    EddsaSignature signature = new EddsaSignature(jointNonce, s);
    byte[] sig = signature.toBytes();
    byte[] m = context.message;
    if (!Ed25519.verify(sig, 0, context.childKeyBytes, 0, m, 0, m.length)) {
      throw new ProtocolAbort(AbortReason.BAD_SIGNATURE, "joint signature does not verify");
    }
    r2 = null;
    stage.reach(Step.DONE);
    return signature;
  }

  /** The child public key A' this session signs under. */
  public EdPoint childPublicKey() {
    return context.childKey;
  }

  /** The hedged nonce; {@code peerCommitment} is the peer's nonce commitment, empty for P2. */
  static BigInteger nonceFor(
      SigningContext c, SessionId sid, Party party, byte[] peerCommitment, SecureRandom random) {
    return HedgedNonce.derive(
        c.share.nonceKey(), sid, party, c.childKeyBytes, c.message, peerCommitment, random);
  }
}
