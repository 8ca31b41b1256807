package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.planbok.mpc.circuit.SeedKeyCircuit;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.dualex.DualExecution;
import org.planbok.mpc.dualex.GarbledCircuit;
import org.planbok.mpc.ot.BaseOtChoices;
import org.planbok.mpc.ot.BaseOtOffer;
import org.planbok.mpc.ot.ExtensionMatrix;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Node 1's side (P2) of two-party ed25519 key generation from a joint seed; see {@link
 * SeedKeyGenP1} for the flow and what it guarantees. P2's share is a2 = r2, its seed share s2.
 */
public final class SeedKeyGenP2 implements Participant<EddsaKeyShare> {
  private enum Step {
    START,
    ANSWERED,
    GARBLED,
    CHECKED,
    SHARE_SENT,
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
  private Commitment peerCheck;
  private byte[] check;
  private EddsaKeyGenP2 keyGen;
  private EddsaKeyShare share;
  private int awaited = 1;

  /**
   * @param keyId the caller's id of the key being made (1 to 64 bytes), bound into every proof
   */
  public SeedKeyGenP2(SessionId sid, byte[] keyId, SecureRandom random) {
    KeyGenRules.proofAux(keyId);
    this.sid = sid;
    this.keyId = keyId.clone();
    this.random = random;
    this.seedShare = KeyGenRules.randomBytes(random, EddsaKeyShare.SEED_BYTES);
    this.mask = SeedRules.nonZeroScalar(random);
    this.execution =
        new DualExecution(
            sid,
            Party.P2,
            SeedKeyCircuit.circuit(),
            SeedKeyCircuit.partyInput(seedShare, mask),
            random);
  }

  /** Nothing: P1 speaks first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /** Round 2, on P1's offer. */
  SeedKeyGenMessage onOffer(SeedKeyGenMessage msg) {
    stage.begin(Step.START);
    SeedRules.requireRound(sid, msg, 1);
    BaseOtChoices choices = guard(() -> execution.onOffer(BaseOtOffer.fromBytes(msg.part(0))));
    BaseOtOffer offer = guard(execution::offer);
    stage.reach(Step.ANSWERED);
    return SeedKeyGenMessage.of(sid, 2, choices.toBytes(), offer.toBytes());
  }

  /** Round 4, on P1's round 3: P2's garbled circuit and its transfer's matrix. */
  SeedKeyGenMessage onMatrix(SeedKeyGenMessage msg) {
    stage.begin(Step.ANSWERED);
    SeedRules.requireRound(sid, msg, 3);
    GarbledCircuit mine = guard(() -> execution.onMatrix(ExtensionMatrix.fromBytes(msg.part(0))));
    ExtensionMatrix matrix = guard(() -> execution.onChoices(BaseOtChoices.fromBytes(msg.part(1))));
    stage.reach(Step.GARBLED);
    return SeedKeyGenMessage.of(sid, 4, mine.toBytes(), matrix.toBytes());
  }

  /** Round 6, on P1's garbled circuit and its committed check value: P2's own check value. */
  SeedKeyGenMessage onGarbled(SeedKeyGenMessage msg) {
    stage.begin(Step.GARBLED);
    SeedRules.requireRound(sid, msg, 5);
    GarbledCircuit peers =
        guard(() -> GarbledCircuit.fromBytes(msg.part(0), SeedKeyCircuit.circuit(), true));
    peerCheck = guard(() -> new Commitment(msg.part(1)));
    check = guard(() -> execution.onGarbledCircuit(peers));
    stage.reach(Step.CHECKED);
    return SeedKeyGenMessage.of(sid, 6, check);
  }

  /**
   * Round 8, on P1's opened check value and its commitment to A1: aborts unless the opening holds
   * and the two check values agree, then answers with A2 = r2·B.
   */
  KeyGenShare onOpenedCheck(SeedKeyGenMessage msg) {
    stage.begin(Step.CHECKED);
    SeedRules.requireRound(sid, msg, 7);
    byte[] peerValue = msg.part(0);
    guard(
        () -> {
          peerCheck.verify(
              SeedRules.CHECK_LABEL, sid, Party.P1, new Commitment.Opening(peerValue, msg.part(1)));
          return null;
        });
    boolean[] outputs = guard(() -> execution.confirm(peerValue));
    SeedRules.output(outputs);
    KeyGenCommitment commitment = guard(() -> KeyGenCommitment.fromBytes(msg.part(2)));
    keyGen = new EddsaKeyGenP2(sid, keyId, random, mask, seedShare);
    mask = null;
    Arrays.fill(seedShare, (byte) 0);
    KeyGenShare share = keyGen.onCommitment(commitment);
    stage.reach(Step.SHARE_SENT);
    return share;
  }

  /** The end, on P1's opening: P2's key share, seed share included. */
  EddsaKeyShare onOpening(KeyGenOpening msg) {
    stage.begin(Step.SHARE_SENT);
    share = keyGen.onOpening(msg);
    stage.reach(Step.DONE);
    return share;
  }

  /**
   * The flow over bytes: P1's message of round 1, 3, 5 or 7 in, P2's reply out; P1's round 9 in,
   * nothing out, and {@link #keyShare()} is ready.
   */
  @Override
  public Optional<byte[]> onMessage(byte[] bytes) {
    int round = awaited;
    awaited += 2;
    return switch (round) {
      case 1 -> Optional.of(onOffer(SeedKeyGenMessage.fromBytes(bytes, 1)).toBytes());
      case 3 -> Optional.of(onMatrix(SeedKeyGenMessage.fromBytes(bytes, 3)).toBytes());
      case 5 -> Optional.of(onGarbled(SeedKeyGenMessage.fromBytes(bytes, 5)).toBytes());
      case 7 -> Optional.of(onOpenedCheck(SeedKeyGenMessage.fromBytes(bytes, 7)).toBytes());
      case 9 -> {
        onOpening(KeyGenOpening.fromBytes(bytes));
        yield Optional.empty();
      }
      default -> throw new ProtocolAbort(AbortReason.WRONG_STATE, "seed keygen has ended");
    };
  }

  /** Whether P1's last message (round 9) has been accepted. */
  @Override
  public boolean done() {
    return share != null;
  }

  @Override
  public EddsaKeyShare outcome() {
    return keyShare();
  }

  /** P2's key share, once P1's last opening has been accepted. */
  public EddsaKeyShare keyShare() {
    stage.require(Step.DONE);
    return share;
  }

  private <T> T guard(java.util.function.Supplier<T> work) {
    return SeedRules.guarded(seedShare, execution, work);
  }

  @Override
  public String toString() {
    return "SeedKeyGenP2[secrets redacted]";
  }
}
