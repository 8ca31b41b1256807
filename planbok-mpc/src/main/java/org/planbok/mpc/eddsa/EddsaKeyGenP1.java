package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * Node 2's side (P1) of two-party ed25519 key generation (DESIGN §4, the commit-then-open keygen of
 * Lindell 2017 §3.2 with additive shares):
 *
 * <pre>
 * P1 → P2  KeyGenCommitment  C = Com(A1, π1, cc1)          A1 = a1·B, π1 = DLog proof of a1
 * P2 → P1  KeyGenShare       A2, π2, cc2
 * P1 → P2  KeyGenOpening     A1, π1, cc1, ρ
 *          A = A1 + A2,  cc = SHA-256(cc1 ‖ cc2) (length-prefixed, {@code KeyGenRules#chainCode})
 * </pre>
 *
 * P1 commits before seeing A2, so it cannot choose A1 as a function of A2 (rogue-key attack); P2
 * picks A2 seeing only a hiding commitment. P1 holds its share once it sends the opening.
 */
public final class EddsaKeyGenP1 implements Participant<EddsaKeyShare> {
  private static final Ed25519 G = Ed25519.INSTANCE;

  private enum Step {
    START,
    COMMITTED,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private final SessionId sid;
  private final SecureRandom random;
  private final byte[] aux;
  private BigInteger a1;
  private EdPoint publicShare;
  private DlogProof proof;
  private byte[] chainCodePart;
  private Commitment.Committed committed;
  private EddsaKeyShare share;
  private final BigInteger givenShare;
  private final byte[] seedShare;

  /**
   * @param keyId the caller's id of the key being made (1 to 64 bytes): every proof of the session
   *     binds it, so neither party's proof can be replayed into the keygen of another key
   */
  public EddsaKeyGenP1(SessionId sid, byte[] keyId, SecureRandom random) {
    this(sid, keyId, random, null, null);
  }

  /**
   * The same flow for a share fixed beforehand: the seed key generation ({@link SeedKeyGenP1}) has
   * jointly computed a1 and hands it in with P1's seed share, which the key share then carries.
   */
  EddsaKeyGenP1(
      SessionId sid, byte[] keyId, SecureRandom random, BigInteger givenShare, byte[] seedShare) {
    this.sid = sid;
    this.random = random;
    this.aux = KeyGenRules.proofAux(keyId);
    this.givenShare = givenShare;
    this.seedShare = seedShare == null ? null : seedShare.clone();
  }

  /** The commitment ({@link #start()}). */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(start().toBytes());
  }

  /** The opening, on P2's share ({@link #onShare}); the key share is ready after it. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    stage.require(Step.COMMITTED);
    return Optional.of(onShare(KeyGenShare.fromBytes(message)).toBytes());
  }

  @Override
  public boolean done() {
    return stage.current() == Step.DONE;
  }

  @Override
  public EddsaKeyShare outcome() {
    return keyShare();
  }

  /** Round 1: draws a1 and cc1 and commits to (A1, π1, cc1). */
  KeyGenCommitment start() {
    stage.begin(Step.START);
    a1 = givenShare != null ? givenShare : G.randomScalar(random);
    publicShare = G.multiplyGenerator(a1);
    proof = DlogProof.prove(G, sid, Party.P1, aux, a1, publicShare, random);
    chainCodePart = KeyGenRules.randomBytes(random, KeyGenShare.CHAIN_CODE_PART);
    byte[] payload = KeyGenOpening.payload(publicShare, proof, chainCodePart);
    committed = Commitment.commit(KeyGenRules.COMMIT_LABEL, sid, Party.P1, payload, random);
    stage.reach(Step.COMMITTED);
    return new KeyGenCommitment(sid, committed.commitment());
  }

  /** Round 3: checks P2's proof, fixes A and cc, and opens the commitment. */
  KeyGenOpening onShare(KeyGenShare msg) {
    stage.begin(Step.COMMITTED);
    Frame.requireSession(sid, msg);
    msg.proof().verify(G, sid, Party.P2, aux, msg.publicShare());
    byte[] cc = KeyGenRules.chainCode(chainCodePart, msg.chainCodePart());
    share =
        new EddsaKeyShare(
            Party.P1, a1, msg.publicShare(), cc, KeyGenRules.randomBytes(random, 32), seedShare);
    if (seedShare != null) {
      java.util.Arrays.fill(seedShare, (byte) 0);
    }
    a1 = null;
    stage.reach(Step.DONE);
    return new KeyGenOpening(
        sid, publicShare, proof, chainCodePart, committed.opening().randomness());
  }

  /** P1's key share, once the opening has been produced. */
  public EddsaKeyShare keyShare() {
    stage.require(Step.DONE);
    return share;
  }
}
