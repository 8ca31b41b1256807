package org.planbok.mpc.dualex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.circuit.SeedKeyCircuit;
import org.planbok.mpc.garble.Evaluator;
import org.planbok.mpc.garble.Garbler;
import org.planbok.mpc.garble.Garbling;
import org.planbok.mpc.garble.Labels;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.ot.BaseOtChoices;
import org.planbok.mpc.ot.BaseOtOffer;
import org.planbok.mpc.ot.ExtensionMatrix;
import org.planbok.mpc.ot.OtReceiver;
import org.planbok.mpc.ot.OtSender;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * A malicious P2, built from the public building blocks, feeds one seed share into its own garbling
 * and another into the oblivious transfer of P1's, hoping each execution alone looks honest. The
 * honest P1's equality check refuses it; the same attacker with consistent inputs passes, so the
 * harness itself is sound.
 */
class InconsistentInputsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Circuit CIRCUIT = SeedKeyCircuit.circuit();

  @Test
  void rejectsAPeerWhoseInputsDifferBetweenTheTwoExecutions() {
    boolean[] honest = input();
    boolean[] other = honest.clone();
    other[17] = !other[17]; // one bit of the seed share
    ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> run(honest, other));
    assertEquals(AbortReason.BAD_GARBLED_CIRCUIT, e.reason(), e.getMessage());
  }

  @Test
  void theSameAttackerWithConsistentInputsIsAccepted() {
    boolean[] p2 = input();
    boolean[][] outputs = run(p2, p2);
    assertArrayEquals(outputs[0], outputs[1]);
  }

  /**
   * An honest P1 against P2 garbling with {@code garbled} and choosing {@code chosen} in the OT;
   * returns P1's confirmed outputs and P2's decoded ones.
   */
  private static boolean[][] run(boolean[] garbled, boolean[] chosen) {
    SessionId sid = SessionId.random(RANDOM);
    DualExecution p1 = new DualExecution(sid, Party.P1, CIRCUIT, input(), RANDOM);
    Garbling garbling = Garbler.garble(CIRCUIT, DualExecution.execution(sid, Party.P2), RANDOM);
    int first = CIRCUIT.firstInputs();
    byte[][] zero = new byte[first][];
    byte[][] one = new byte[first][];
    for (int i = 0; i < first; i++) {
      zero[i] = garbling.inputLabel(i, false);
      one[i] = garbling.inputLabel(i, true);
    }
    OtSender sender = new OtSender(DualExecution.execution(sid, Party.P2), zero, one, RANDOM);
    OtReceiver receiver = new OtReceiver(DualExecution.execution(sid, Party.P1), chosen, RANDOM);

    BaseOtChoices toP1 = sender.onOffer(BaseOtOffer.fromBytes(p1.offer().toBytes()));
    BaseOtOffer offer = receiver.start();
    ExtensionMatrix matrix = p1.onChoices(BaseOtChoices.fromBytes(toP1.toBytes()));
    BaseOtChoices fromP1 = p1.onOffer(BaseOtOffer.fromBytes(offer.toBytes()));
    GarbledCircuit mine =
        new GarbledCircuit(
            DualExecution.execution(sid, Party.P2),
            sender.onMatrix(ExtensionMatrix.fromBytes(matrix.toBytes())),
            garbling.secondInputLabels(garbled),
            garbling.decoding(),
            garbling.tables());
    ExtensionMatrix toP1Matrix = receiver.onChoices(BaseOtChoices.fromBytes(fromP1.toBytes()));
    p1.onGarbledCircuit(GarbledCircuit.fromBytes(mine.toBytes(), CIRCUIT, false));
    GarbledCircuit p1s =
        GarbledCircuit.fromBytes(
            p1.onMatrix(ExtensionMatrix.fromBytes(toP1Matrix.toBytes())).toBytes(), CIRCUIT, true);

    // P2 evaluates P1's garbling with the labels it chose, and sends the best check value it can.
    Labels received = Labels.of(receiver.onMasked(p1s.evaluatorLabels()));
    Labels outputLabels = Evaluator.evaluate(CIRCUIT, p1s.tables(), p1s.garblerLabels(), received);
    boolean[] p2Outputs =
        p1s.decoding().decode(DualExecution.execution(sid, Party.P1), outputLabels);
    byte[] check = DualExecution.checkValue(sid, outputLabels, garbling.outputLabels(p2Outputs));
    return new boolean[][] {p1.confirm(check), p2Outputs};
  }

  private static boolean[] input() {
    byte[] seed = new byte[32];
    RANDOM.nextBytes(seed);
    BigInteger r = Ed25519.INSTANCE.randomScalar(RANDOM);
    return SeedKeyCircuit.partyInput(seed, r);
  }
}
