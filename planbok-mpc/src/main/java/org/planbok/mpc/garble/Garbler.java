package org.planbok.mpc.garble;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.SessionId;

/**
 * Garbles a circuit with half gates: Zahur, Rosulek, Evans, "Two Halves Make a Whole" (EUROCRYPT
 * 2015), §3, over free-XOR (Kolesnikov, Schneider, ICALP 2008) and point-and-permute, hashing with
 * {@link TccrHash}.
 *
 * <p>Each wire {@code w} gets a zero label {@code W⁰}; its one label is {@code W⁰ ⊕ Δ}, with Δ's
 * least significant bit 1 so that the two labels of a wire differ in colour. XOR gates XOR zero
 * labels, NOT gates flip them ({@code W⁰ ⊕ Δ}) so that the evaluator just copies, and each AND gate
 * costs two ciphertexts and four hashes.
 */
public final class Garbler {
  private final TccrHash hash = new TccrHash();
  private final long[] blocks = new long[8];
  private final long[] tweaks = new long[4];
  private final long deltaLo;
  private final long deltaHi;

  /** Two words per wire: its zero label. */
  private final long[] zero;

  /** Four words per AND gate: {@code T_G}, {@code T_E}. */
  private final long[] rows;

  private Garbler(Circuit circuit, SecureRandom random) {
    deltaLo = random.nextLong() | 1L;
    deltaHi = random.nextLong();
    zero = new long[2 * circuit.wires()];
    for (int k = 0; k < 2 * (circuit.firstInputs() + circuit.secondInputs()); k++) {
      zero[k] = random.nextLong();
    }
    rows = new long[4 * circuit.andGates()];
  }

  /**
   * Garbles {@code circuit} afresh: new Δ, new input labels, output decoding bound to {@code sid}.
   * Safe to call from several threads at once (each call has its own cipher).
   */
  public static Garbling garble(Circuit circuit, SessionId sid, SecureRandom random) {
    Objects.requireNonNull(circuit, "circuit");
    Objects.requireNonNull(sid, "sid");
    Garbler garbler = new Garbler(circuit, random);
    garbler.garbleGates(circuit);
    return garbler.result(circuit, sid);
  }

  private void garbleGates(Circuit circuit) {
    int and = 0;
    for (int g = 0; g < circuit.gates(); g++) {
      int out = 2 * circuit.wireOf(g);
      int a = 2 * circuit.left(g);
      switch (circuit.op(g)) {
        case XOR -> {
          int b = 2 * circuit.right(g);
          zero[out] = zero[a] ^ zero[b];
          zero[out + 1] = zero[a + 1] ^ zero[b + 1];
        }
        case NOT -> {
          zero[out] = zero[a] ^ deltaLo;
          zero[out + 1] = zero[a + 1] ^ deltaHi;
        }
        case AND -> andGate(a, 2 * circuit.right(g), out, and++);
      }
    }
  }

  /**
   * One AND gate, ZRE15 §3: the generator half gate {@code T_G = H(A⁰, j) ⊕ H(A¹, j) ⊕ p_b·Δ}, the
   * evaluator half gate {@code T_E = H(B⁰, j') ⊕ H(B¹, j') ⊕ A⁰}, and the output zero label {@code
   * C⁰ = H(A^{p_a}, j) ⊕ p_a p_b Δ ⊕ H(B^{p_b}, j')}, where {@code p} is a zero label's colour and
   * the tweaks {@code j = 2·and}, {@code j' = 2·and + 1} are used by no other gate.
   */
  private void andGate(int a, int b, int out, int and) {
    long a0 = zero[a];
    long a1 = zero[a + 1];
    long b0 = zero[b];
    long b1 = zero[b + 1];
    blocks[0] = a0;
    blocks[1] = a1;
    blocks[2] = a0 ^ deltaLo;
    blocks[3] = a1 ^ deltaHi;
    blocks[4] = b0;
    blocks[5] = b1;
    blocks[6] = b0 ^ deltaLo;
    blocks[7] = b1 ^ deltaHi;
    tweaks[0] = 2L * and;
    tweaks[1] = 2L * and;
    tweaks[2] = 2L * and + 1;
    tweaks[3] = 2L * and + 1;
    hash.hash(blocks, tweaks, 4);
    // Colours as all-ones or all-zeros masks: selecting without branching on a secret.
    long pa = -(a0 & 1L);
    long pb = -(b0 & 1L);
    long gLo = blocks[0] ^ blocks[2] ^ (pb & deltaLo);
    long gHi = blocks[1] ^ blocks[3] ^ (pb & deltaHi);
    long eLo = blocks[4] ^ blocks[6] ^ a0;
    long eHi = blocks[5] ^ blocks[7] ^ a1;
    // Generator half: H(A⁰) ⊕ p_a·T_G. Evaluator half: H(B⁰) ⊕ p_b·(T_E ⊕ A⁰) = H(B^{p_b}).
    zero[out] = blocks[0] ^ (pa & gLo) ^ blocks[4] ^ (pb & (eLo ^ a0));
    zero[out + 1] = blocks[1] ^ (pa & gHi) ^ blocks[5] ^ (pb & (eHi ^ a1));
    int row = 4 * and;
    rows[row] = gLo;
    rows[row + 1] = gHi;
    rows[row + 2] = eLo;
    rows[row + 3] = eHi;
  }

  /** Keeps what the garbler needs later and zeroes the labels of the inner wires. */
  private Garbling result(Circuit circuit, SessionId sid) {
    int inputs = circuit.firstInputs() + circuit.secondInputs();
    long[] outputZeros = new long[2 * circuit.outputCount()];
    for (int k = 0; k < circuit.outputCount(); k++) {
      outputZeros[2 * k] = zero[2 * circuit.output(k)];
      outputZeros[2 * k + 1] = zero[2 * circuit.output(k) + 1];
    }
    long[] inputZeros = Arrays.copyOf(zero, 2 * inputs);
    Arrays.fill(zero, 0L);
    Arrays.fill(blocks, 0L);
    hash.clear();
    return new Garbling(
        circuit.firstInputs(),
        circuit.secondInputs(),
        new long[] {deltaLo, deltaHi},
        inputZeros,
        outputZeros,
        new GarbledTables(rows),
        OutputDecoding.of(sid, outputZeros, deltaLo, deltaHi));
  }
}
