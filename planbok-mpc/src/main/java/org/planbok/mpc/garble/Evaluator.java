package org.planbok.mpc.garble;

import java.util.Arrays;
import java.util.Objects;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * Evaluates a half-gates garbled circuit (Zahur, Rosulek, Evans, EUROCRYPT 2015, §3): one label per
 * wire, learning nothing of the bits they mean. XOR gates XOR labels, NOT gates copy them (the
 * garbler flipped the meaning), and each AND gate costs two hashes and reads its two ciphertexts.
 *
 * <p>The output labels mean nothing until {@link OutputDecoding#decode} has checked them against
 * the garbler's commitment; a corrupt table yields garbage labels here, not an exception.
 */
public final class Evaluator {
  private final TccrHash hash = new TccrHash();
  private final long[] blocks = new long[4];
  private final long[] tweaks = new long[2];

  /** Two words per wire: the one label the evaluator holds. */
  private final long[] active;

  private Evaluator(Circuit circuit) {
    active = new long[2 * circuit.wires()];
  }

  /**
   * The output labels of {@code circuit} garbled as {@code tables}, given one label for each of the
   * first party's and the second party's input wires. Safe to call from several threads at once.
   *
   * @throws ProtocolAbort {@link AbortReason#MALFORMED_MESSAGE} if the tables or label counts do
   *     not fit the circuit
   */
  public static Labels evaluate(
      Circuit circuit, GarbledTables tables, Labels firstInputs, Labels secondInputs) {
    Objects.requireNonNull(circuit, "circuit");
    if (tables.andGates() != circuit.andGates()
        || firstInputs.count() != circuit.firstInputs()
        || secondInputs.count() != circuit.secondInputs()) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, "garbled tables or input labels do not fit the circuit");
    }
    Evaluator evaluator = new Evaluator(circuit);
    long[] first = firstInputs.words();
    System.arraycopy(first, 0, evaluator.active, 0, first.length);
    System.arraycopy(
        secondInputs.words(), 0, evaluator.active, first.length, 2 * circuit.secondInputs());
    evaluator.evaluateGates(circuit, tables.rows());
    return evaluator.outputs(circuit);
  }

  private void evaluateGates(Circuit circuit, long[] rows) {
    int and = 0;
    for (int g = 0; g < circuit.gates(); g++) {
      int out = 2 * circuit.wireOf(g);
      int a = 2 * circuit.left(g);
      switch (circuit.op(g)) {
        case XOR -> {
          int b = 2 * circuit.right(g);
          active[out] = active[a] ^ active[b];
          active[out + 1] = active[a + 1] ^ active[b + 1];
        }
        case NOT -> {
          active[out] = active[a];
          active[out + 1] = active[a + 1];
        }
        case AND -> andGate(a, 2 * circuit.right(g), out, rows, and++);
      }
    }
  }

  /**
   * ZRE15 §3, evaluator's side: {@code C = H(A, j) ⊕ s_a·T_G ⊕ H(B, j') ⊕ s_b·(T_E ⊕ A)}, where
   * {@code s} is the colour of the label held.
   */
  private void andGate(int a, int b, int out, long[] rows, int and) {
    long aLo = active[a];
    long aHi = active[a + 1];
    blocks[0] = aLo;
    blocks[1] = aHi;
    blocks[2] = active[b];
    blocks[3] = active[b + 1];
    long sa = -(aLo & 1L);
    long sb = -(blocks[2] & 1L);
    tweaks[0] = 2L * and;
    tweaks[1] = 2L * and + 1;
    hash.hash(blocks, tweaks, 2);
    int row = 4 * and;
    active[out] = blocks[0] ^ (sa & rows[row]) ^ blocks[2] ^ (sb & (rows[row + 2] ^ aLo));
    active[out + 1] = blocks[1] ^ (sa & rows[row + 1]) ^ blocks[3] ^ (sb & (rows[row + 3] ^ aHi));
  }

  private Labels outputs(Circuit circuit) {
    long[] words = new long[2 * circuit.outputCount()];
    for (int k = 0; k < circuit.outputCount(); k++) {
      words[2 * k] = active[2 * circuit.output(k)];
      words[2 * k + 1] = active[2 * circuit.output(k) + 1];
    }
    Arrays.fill(active, 0L);
    Arrays.fill(blocks, 0L);
    hash.clear();
    return new Labels(words);
  }
}
