package org.planbok.mpc.dualex;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.garble.Evaluator;
import org.planbok.mpc.garble.Garbler;
import org.planbok.mpc.garble.Garbling;
import org.planbok.mpc.garble.Labels;
import org.planbok.mpc.ot.BaseOtChoices;
import org.planbok.mpc.ot.BaseOtOffer;
import org.planbok.mpc.ot.ExtensionMatrix;
import org.planbok.mpc.ot.OtReceiver;
import org.planbok.mpc.ot.OtSender;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * One party of a dual execution of {@code circuit}: it garbles the circuit for its peer and
 * evaluates the peer's garbling, and the two results are released only if a secure equality check
 * says they agree (Mohassel–Franklin 2006; Huang–Katz–Evans 2012, §3–4). P1 holds the circuit's
 * first inputs, P2 its second. Each party obtains the labels of its own input bits in the peer's
 * garbling by oblivious transfer ({@link OtReceiver}) and hands out the labels of the peer's input
 * bits in its own ({@link OtSender}).
 *
 * <p>The calls, in order, each taking the peer's message of the step before (the caller carries the
 * messages and chooses how they interleave):
 *
 * <pre>
 * offer()                       → BaseOtOffer       (I receive labels in the peer's garbling)
 * onOffer(peer's offer)         → BaseOtChoices     (I hand out labels in mine)
 * onChoices(peer's choices)     → ExtensionMatrix
 * onMatrix(peer's matrix)       → GarbledCircuit    (my garbling, and the peer's labels in it)
 * onGarbledCircuit(peer's)      → check value h     (evaluate, decode; nothing released yet)
 * confirm(peer's check value)   → the output bits   (only if both check values are equal)
 * </pre>
 *
 * <p><b>What it guarantees.</b> With one party honest, the outputs the honest party accepts are the
 * circuit's outputs on the honest party's input and on <em>some</em> input of the peer, and the
 * peer learns at most one bit about the honest party's input beyond those outputs: an arbitrary
 * predicate of the peer's choosing, revealed by whether the run completes. The check value is a
 * hash of the session id and of, for every output wire of both garblings, the label that means the
 * decoded bit: in its own garbling a party knows both labels and takes the one of the bit it
 * decoded from the peer's; in the peer's it has only the label it evaluated to. A peer whose
 * garbling computed something else (a wrong table, a different function, inputs other than those it
 * used in the honest party's garbling) can match the honest check value only where the wrong result
 * equals the right one, since it would need labels of the honest garbling it does not hold (HKE12,
 * Lemma 1). A decoding failure (a label neither of the garbler's two) is the same failure as a
 * check mismatch: the caller must abort either way and never retry with the same input, so that
 * what a cheating peer learns stays that one predicate. The output bits returned by {@link
 * #onGarbledCircuit} are never revealed before {@link #confirm}.
 *
 * <p>The two garblings and both oblivious transfers run under session ids derived from the session
 * and the garbler's role, so nothing of one execution can be replayed as the other.
 */
public final class DualExecution {
  /** My part as evaluator of the peer's garbling (I receive labels by OT). */
  private enum EvaluatorStep {
    START,
    OFFERED,
    CHOSEN,
    EVALUATED
  }

  /** My part as garbler (I hand out the peer's labels by OT). */
  private enum GarblerStep {
    START,
    ANSWERED,
    SENT
  }

  private final SessionId sid;
  private final Party me;
  private final Circuit circuit;
  private final SessionId mine;
  private final SessionId peers;
  private final Garbling garbling;
  private final boolean[] inputs;
  private final OtReceiver receiver;
  private final OtSender sender;
  private EvaluatorStep evaluatorStep = EvaluatorStep.START;
  private GarblerStep garblerStep = GarblerStep.START;
  private boolean failed;
  private boolean done;
  private Labels myLabelsInPeers;
  private boolean[] outputs;
  private byte[] check;

  /**
   * @param inputs my input bits: the circuit's first inputs if {@code me} is P1, else its second
   */
  public DualExecution(
      SessionId sid, Party me, Circuit circuit, boolean[] inputs, SecureRandom random) {
    int expected = me == Party.P1 ? circuit.firstInputs() : circuit.secondInputs();
    if (inputs.length != expected) {
      throw new IllegalArgumentException(inputs.length + " input bits, expected " + expected);
    }
    this.sid = sid;
    this.me = me;
    this.circuit = circuit;
    this.inputs = inputs.clone();
    this.mine = execution(sid, me);
    this.peers = execution(sid, me == Party.P1 ? Party.P2 : Party.P1);
    this.garbling = Garbler.garble(circuit, mine, random);
    this.receiver = new OtReceiver(peers, this.inputs, random);
    int peerInputs = me == Party.P1 ? circuit.secondInputs() : circuit.firstInputs();
    int peerFirstWire = me == Party.P1 ? circuit.firstInputs() : 0;
    byte[][] zero = new byte[peerInputs][];
    byte[][] one = new byte[peerInputs][];
    for (int i = 0; i < peerInputs; i++) {
      zero[i] = garbling.inputLabel(peerFirstWire + i, false);
      one[i] = garbling.inputLabel(peerFirstWire + i, true);
    }
    this.sender = new OtSender(mine, zero, one, random);
    for (int i = 0; i < peerInputs; i++) {
      Arrays.fill(zero[i], (byte) 0);
      Arrays.fill(one[i], (byte) 0);
    }
  }

  /** The base-OT offer for the transfer in which I receive my labels of the peer's garbling. */
  public BaseOtOffer offer() {
    requireEvaluator(EvaluatorStep.START);
    BaseOtOffer offer = guarded(receiver::start);
    evaluatorStep = EvaluatorStep.OFFERED;
    return offer;
  }

  /** Answers the peer's offer for the transfer in which I hand out the peer's labels of mine. */
  public BaseOtChoices onOffer(BaseOtOffer peer) {
    requireGarbler(GarblerStep.START);
    BaseOtChoices choices = guarded(() -> sender.onOffer(peer));
    garblerStep = GarblerStep.ANSWERED;
    return choices;
  }

  /** The extension matrix of my transfer, once the peer answered my offer. */
  public ExtensionMatrix onChoices(BaseOtChoices peer) {
    requireEvaluator(EvaluatorStep.OFFERED);
    ExtensionMatrix matrix = guarded(() -> receiver.onChoices(peer));
    evaluatorStep = EvaluatorStep.CHOSEN;
    return matrix;
  }

  /** My garbling, with the peer's input labels in it masked under the transfer. */
  public GarbledCircuit onMatrix(ExtensionMatrix peer) {
    requireGarbler(GarblerStep.ANSWERED);
    GarbledCircuit out =
        guarded(
            () ->
                new GarbledCircuit(
                    mine,
                    sender.onMatrix(peer),
                    me == Party.P1
                        ? garbling.firstInputLabels(inputs)
                        : garbling.secondInputLabels(inputs),
                    garbling.decoding(),
                    garbling.tables()));
    garblerStep = GarblerStep.SENT;
    return out;
  }

  /**
   * Evaluates the peer's garbling and decodes its outputs, and returns this party's check value.
   * The outputs stay inside until {@link #confirm} accepts the peer's check value.
   */
  public byte[] onGarbledCircuit(GarbledCircuit peer) {
    requireEvaluator(EvaluatorStep.CHOSEN);
    return guarded(
        () -> {
          if (!peer.sid().equals(peers)) {
            throw new ProtocolAbort(AbortReason.WRONG_SESSION, "garbled circuit of another run");
          }
          byte[][] received = receiver.onMasked(peer.evaluatorLabels());
          myLabelsInPeers = Labels.of(received);
          for (byte[] label : received) {
            Arrays.fill(label, (byte) 0);
          }
          Labels peerLabels = peer.garblerLabels();
          Labels outputLabels =
              me == Party.P1
                  ? Evaluator.evaluate(circuit, peer.tables(), myLabelsInPeers, peerLabels)
                  : Evaluator.evaluate(circuit, peer.tables(), peerLabels, myLabelsInPeers);
          outputs = peer.decoding().decode(peers, outputLabels);
          Labels mineForOutputs = garbling.outputLabels(outputs);
          check =
              me == Party.P1
                  ? checkValue(sid, mineForOutputs, outputLabels)
                  : checkValue(sid, outputLabels, mineForOutputs);
          outputLabels.destroy();
          mineForOutputs.destroy();
          evaluatorStep = EvaluatorStep.EVALUATED;
          return check.clone();
        });
  }

  /**
   * Compares the peer's check value with mine (in constant time) and releases the outputs if they
   * agree; otherwise aborts, and the outputs are gone.
   */
  public boolean[] confirm(byte[] peerCheck) {
    requireEvaluator(EvaluatorStep.EVALUATED);
    requireGarbler(GarblerStep.SENT);
    boolean same = peerCheck != null && MessageDigest.isEqual(check, peerCheck);
    if (!same) {
      fail();
      throw new ProtocolAbort(
          AbortReason.BAD_GARBLED_CIRCUIT, "the two executions do not agree: aborted");
    }
    garbling.destroy();
    done = true;
    return outputs.clone();
  }

  /** Forgets every secret (labels, Δ, the outputs); call it when the run is abandoned. */
  public void destroy() {
    garbling.destroy();
    receiver.destroy();
    sender.destroy();
    if (myLabelsInPeers != null) {
      myLabelsInPeers.destroy();
    }
    if (outputs != null) {
      Arrays.fill(outputs, false);
    }
  }

  /** H(sid, labels of P1's garbling for the outputs, labels of P2's). */
  static byte[] checkValue(SessionId sid, Labels p1Garbling, Labels p2Garbling) {
    return Transcript.start("dualex/check")
        .append(sid)
        .append("p1-garbling", p1Garbling.toBytes())
        .append("p2-garbling", p2Garbling.toBytes())
        .digest();
  }

  static SessionId execution(SessionId sid, Party garbler) {
    return SessionId.of(
        Transcript.start("dualex/execution")
            .append(sid)
            .append(garbler)
            .expand("sid", SessionId.LENGTH));
  }

  private void requireEvaluator(EvaluatorStep expected) {
    if (failed || done || evaluatorStep != expected) {
      fail();
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE, "dual execution: evaluator out of order at " + evaluatorStep);
    }
  }

  private void requireGarbler(GarblerStep expected) {
    if (failed || done || garblerStep != expected) {
      fail();
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE, "dual execution: garbler out of order at " + garblerStep);
    }
  }

  private <T> T guarded(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      fail();
      throw e;
    }
  }

  private void fail() {
    failed = true;
    destroy();
  }

  @Override
  public String toString() {
    return "DualExecution["
        + me
        + ", evaluator "
        + evaluatorStep
        + ", garbler "
        + garblerStep
        + (failed ? ", failed" : "")
        + ", secrets redacted]";
  }
}
