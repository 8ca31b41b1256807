package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.planbok.mpc.circuit.SeedKeyCircuit;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.dualex.DualExecution;
import org.planbok.mpc.dualex.GarbledCircuit;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.ot.BaseOtChoices;
import org.planbok.mpc.ot.BaseOtOffer;
import org.planbok.mpc.ot.ExtensionMatrix;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Node 2's side (P1) of two-party ed25519 key generation from a joint seed (issue 13): the seed
 * {@code s = s1 ⊕ s2} is what Phantom, Solana's CLI and MyNearWallet import, and it never exists on
 * one machine; the key is RFC 8032's {@code a = clamp(SHA-512(s)[0..32])}, §5.1.5.
 *
 * <p>P1 draws s1 and r1, P2 draws s2 and r2 (r_i uniform in [1, ℓ)). The two nodes evaluate {@link
 * SeedKeyCircuit}, whose output is {@code d = a − r1 − r2 mod ℓ}, by {@link DualExecution}; then
 * {@code a1 = r1 + d} and {@code a2 = r2}, so a1 + a2 = a, and d, uniform to each party because of
 * the other's r, reveals nothing of a. The public key is then fixed by the ordinary commit–open key
 * generation ({@link EddsaKeyGenP1}: A = A1 + A2 with Schnorr proofs binding the key id), with the
 * shares handed in rather than drawn.
 *
 * <pre>
 * 1  P1 → P2  OT offer (P1 receives its labels of P2's garbling)
 * 2  P2 → P1  OT choices (for P1's offer), OT offer (P2 receives its labels of P1's garbling)
 * 3  P1 → P2  OT matrix, OT choices
 * 4  P2 → P1  P2's garbled circuit (with P1's labels masked), OT matrix
 * 5  P1 → P2  P1's garbled circuit, Com(h1)        (P1 evaluated P2's circuit: check value h1)
 * 6  P2 → P1  h2                                   (P2 evaluated P1's)
 * 7  P1 → P2  opening of h1 (P1 aborts unless h1 = h2), KeyGenCommitment of A1
 * 8  P2 → P1  KeyGenShare (P2 aborts unless h1 = h2 and the opening holds)
 * 9  P1 → P2  KeyGenOpening
 * </pre>
 *
 * <p>Against a malicious peer: dual execution leaks at most one bit of the honest party's seed
 * share and r, a predicate of the peer's choice, learnt by whether the run completes; an aborted
 * run is discarded and its seed share never reused, so the bit is of a seed that is thrown away,
 * and a completed run tells the peer at most one bit about the key it keeps (see {@link
 * DualExecution}). P1 commits to h1 before it sees h2, so neither side can fit its check value to
 * the other's. What this does not stop: a peer that uses one r in the circuit and another in its
 * public share makes a key whose A is not clamp(SHA-512(s))·B. That key is still a sound two-party
 * key; the device's check before any seed export ({@code clamp(SHA-512(s))·B == A}) refuses to show
 * its seed. It costs the peer nothing it could not do by deleting its share.
 */
public final class SeedKeyGenP1 implements Participant<EddsaKeyShare> {
  private static final Ed25519 G = Ed25519.INSTANCE;

  private enum Step {
    START,
    OFFERED,
    MATRIX_SENT,
    COMMITTED,
    OPENED,
    DONE,
    FAILED
  }

  private final Stage<Step> stage = new Stage<>(Step.START, Step.FAILED);
  private final SessionId sid;
  private final byte[] keyId;
  private final SecureRandom random;
  private final byte[] seedShare;
  private BigInteger mask;
  private final DualExecution execution;
  private byte[] check;
  private Commitment.Committed committedCheck;
  private EddsaKeyGenP1 keyGen;
  private int awaited = 2;

  /**
   * @param keyId the caller's id of the key being made (1 to 64 bytes), bound into every proof
   */
  public SeedKeyGenP1(SessionId sid, byte[] keyId, SecureRandom random) {
    KeyGenRules.proofAux(keyId);
    this.sid = sid;
    this.keyId = keyId.clone();
    this.random = random;
    this.seedShare = KeyGenRules.randomBytes(random, EddsaKeyShare.SEED_BYTES);
    this.mask = SeedRules.nonZeroScalar(random);
    this.execution =
        new DualExecution(
            sid,
            Party.P1,
            SeedKeyCircuit.circuit(),
            SeedKeyCircuit.partyInput(seedShare, mask),
            random);
  }

  /** Round 1 ({@link #start()}): P1 speaks first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(start().toBytes());
  }

  /** Round 1. */
  SeedKeyGenMessage start() {
    stage.begin(Step.START);
    SeedKeyGenMessage m = SeedKeyGenMessage.of(sid, 1, guard(execution::offer).toBytes());
    stage.reach(Step.OFFERED);
    return m;
  }

  /** Round 3, on P2's round 2. */
  SeedKeyGenMessage onOfferAnswered(SeedKeyGenMessage msg) {
    stage.begin(Step.OFFERED);
    SeedRules.requireRound(sid, msg, 2);
    ExtensionMatrix matrix = guard(() -> execution.onChoices(BaseOtChoices.fromBytes(msg.part(0))));
    BaseOtChoices choices = guard(() -> execution.onOffer(BaseOtOffer.fromBytes(msg.part(1))));
    stage.reach(Step.MATRIX_SENT);
    return SeedKeyGenMessage.of(sid, 3, matrix.toBytes(), choices.toBytes());
  }

  /** Round 5, on P2's round 4: evaluates P2's circuit, garbles its own, commits to its check. */
  SeedKeyGenMessage onGarbled(SeedKeyGenMessage msg) {
    stage.begin(Step.MATRIX_SENT);
    SeedRules.requireRound(sid, msg, 4);
    GarbledCircuit peers =
        guard(() -> GarbledCircuit.fromBytes(msg.part(0), SeedKeyCircuit.circuit(), false));
    check = guard(() -> execution.onGarbledCircuit(peers));
    GarbledCircuit mine = guard(() -> execution.onMatrix(ExtensionMatrix.fromBytes(msg.part(1))));
    committedCheck = Commitment.commit(SeedRules.CHECK_LABEL, sid, Party.P1, check, random);
    stage.reach(Step.COMMITTED);
    return SeedKeyGenMessage.of(sid, 5, mine.toBytes(), committedCheck.commitment().value());
  }

  /**
   * Round 7, on P2's check value: aborts unless it equals P1's, then opens P1's and commits to A1
   * (a1 = r1 + d).
   */
  SeedKeyGenMessage onCheck(SeedKeyGenMessage msg) {
    stage.begin(Step.COMMITTED);
    SeedRules.requireRound(sid, msg, 6);
    boolean[] outputs = guard(() -> execution.confirm(msg.part(0)));
    BigInteger d = SeedRules.output(outputs);
    BigInteger a1 = mask.add(d).mod(G.order());
    mask = null;
    keyGen = new EddsaKeyGenP1(sid, keyId, random, a1, seedShare);
    Arrays.fill(seedShare, (byte) 0);
    KeyGenCommitment commitment = keyGen.start();
    stage.reach(Step.OPENED);
    return SeedKeyGenMessage.of(
        sid, 7, check, committedCheck.opening().randomness(), commitment.toBytes());
  }

  /** Round 9, on P2's KeyGenShare: P1's share is fixed once this opening leaves. */
  KeyGenOpening onShare(KeyGenShare msg) {
    stage.begin(Step.OPENED);
    KeyGenOpening opening = keyGen.onShare(msg);
    stage.reach(Step.DONE);
    return opening;
  }

  /**
   * The flow over bytes, for a transport that carries opaque frames: P2's message of round 2, 4, 6
   * or 8 in, P1's next message out; after round 9 has gone out, {@link #keyShare()} is ready.
   */
  @Override
  public Optional<byte[]> onMessage(byte[] bytes) {
    int round = awaited;
    awaited += 2;
    return Optional.of(
        switch (round) {
          case 2 -> onOfferAnswered(SeedKeyGenMessage.fromBytes(bytes, 2)).toBytes();
          case 4 -> onGarbled(SeedKeyGenMessage.fromBytes(bytes, 4)).toBytes();
          case 6 -> onCheck(SeedKeyGenMessage.fromBytes(bytes, 6)).toBytes();
          case 8 -> onShare(KeyGenShare.fromBytes(bytes)).toBytes();
          default -> throw new ProtocolAbort(AbortReason.WRONG_STATE, "seed keygen has ended");
        });
  }

  /** Whether P1 has sent its last message (round 9). */
  @Override
  public boolean done() {
    return awaited > 8;
  }

  /** P1's key share, seed share included, once the last opening has been produced. */
  @Override
  public EddsaKeyShare outcome() {
    return keyShare();
  }

  public EddsaKeyShare keyShare() {
    stage.require(Step.DONE);
    return keyGen.keyShare();
  }

  private <T> T guard(java.util.function.Supplier<T> work) {
    return SeedRules.guarded(seedShare, execution, work);
  }

  @Override
  public String toString() {
    return "SeedKeyGenP1[secrets redacted]";
  }
}
