package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * Node 1's side (P2) of two-party ed25519 key generation; see {@link EddsaKeyGenP1} for the flow.
 * P2 answers P1's commitment with (A2, π2, cc2) and accepts the key only if P1's opening matches
 * the commitment and P1's proof of knowledge of a1 verifies.
 */
public final class EddsaKeyGenP2 implements Participant<EddsaKeyShare> {
  private static final Ed25519 G = Ed25519.INSTANCE;

  private enum Step {
    START,
    SHARE_SENT,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private EddsaKeyShare share;
  private final SessionId sid;
  private final SecureRandom random;
  private final byte[] aux;
  private Commitment peerCommitment;
  private BigInteger a2;
  private byte[] chainCodePart;
  private final BigInteger givenShare;
  private final byte[] seedShare;

  /**
   * @param keyId the caller's id of the key being made (1 to 64 bytes): every proof of the session
   *     binds it, so neither party's proof can be replayed into the keygen of another key
   */
  public EddsaKeyGenP2(SessionId sid, byte[] keyId, SecureRandom random) {
    this(sid, keyId, random, null, null);
  }

  /** The same flow for a2 fixed beforehand, as {@link SeedKeyGenP2} hands it in with s2. */
  EddsaKeyGenP2(
      SessionId sid, byte[] keyId, SecureRandom random, BigInteger givenShare, byte[] seedShare) {
    this.sid = sid;
    this.random = random;
    this.aux = KeyGenRules.proofAux(keyId);
    this.givenShare = givenShare;
    this.seedShare = seedShare == null ? null : seedShare.clone();
  }

  /** Nothing: P1 commits first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /** The share on P1's commitment ({@link #onCommitment}); the end on its opening. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (stage.current()) {
      case START -> Optional.of(onCommitment(KeyGenCommitment.fromBytes(message)).toBytes());
      case SHARE_SENT -> {
        share = onOpening(KeyGenOpening.fromBytes(message));
        yield Optional.empty();
      }
      case DONE, FAILED -> throw new ProtocolAbort(AbortReason.WRONG_STATE, "keygen has ended");
    };
  }

  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  @Override
  public EddsaKeyShare outcome() {
    stage.require(Step.DONE);
    return share;
  }

  /** Round 2: stores P1's commitment, draws a2 and cc2, proves knowledge of a2. */
  KeyGenShare onCommitment(KeyGenCommitment msg) {
    stage.begin(Step.START);
    Frame.requireSession(sid, msg);
    peerCommitment = msg.commitment();
    a2 = givenShare != null ? givenShare : G.randomScalar(random);
    EdPoint publicShare = G.multiplyGenerator(a2);
    DlogProof proof = DlogProof.prove(G, sid, Party.P2, aux, a2, publicShare, random);
    chainCodePart = KeyGenRules.randomBytes(random, KeyGenShare.CHAIN_CODE_PART);
    stage.reach(Step.SHARE_SENT);
    return new KeyGenShare(sid, publicShare, proof, chainCodePart);
  }

  /** Round 4: checks the opening and P1's proof; returns P2's key share. */
  EddsaKeyShare onOpening(KeyGenOpening msg) {
    stage.begin(Step.SHARE_SENT);
    Frame.requireSession(sid, msg);
    peerCommitment.verify(KeyGenRules.COMMIT_LABEL, sid, Party.P1, msg.opening());
    msg.proof().verify(G, sid, Party.P1, aux, msg.publicShare());
    byte[] cc = KeyGenRules.chainCode(msg.chainCodePart(), chainCodePart);
    EddsaKeyShare keyShare =
        new EddsaKeyShare(
            Party.P2, a2, msg.publicShare(), cc, KeyGenRules.randomBytes(random, 32), seedShare);
    if (seedShare != null) {
      java.util.Arrays.fill(seedShare, (byte) 0);
    }
    a2 = null;
    stage.reach(Step.DONE);
    return keyShare;
  }
}
