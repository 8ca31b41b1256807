package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * The consistency check that makes IKNP actively secure against the receiver: Keller, Orsini and
 * Scholl, "Actively Secure OT Extension with Optimal Overhead" (CRYPTO 2015), in the revised ePrint
 * 2015/546, §4, Fig. 10. The revision replaced the original row-wise check (Fig. 7), whose Lemma 1
 * Roy disproved (SoftSpokenOT, CRYPTO 2022, §4.1.3 and App. D), by a column-wise check in the style
 * of SoftSpokenOT's.
 *
 * <p>Each column v of n' = 128·(m+1) bits is cut into 128-bit blocks v̂_0 … v̂_m, read as elements
 * of GF(2^128), and hashed with the universal hash {@code H_χ(v) = v̂_m + Σ_{b<m} χ_b·v̂_b}. The
 * receiver sends x̃ = H_χ(x) and t̃^i = H_χ(t0^i) for every column i; since q^i = t0^i ⊕ Δ_i·x^i,
 * the sender accepts iff H_χ(q^i) = t̃^i ⊕ Δ_i·x̃ for all i. A receiver that put a different choice
 * vector x^i ≠ x into column i passes column i only if it guessed Δ_i (or if H_χ(x^i) = H_χ(x),
 * probability 2^-128 over χ), so every bit of Δ it probes is caught with probability ½ — the
 * leakage KOS15 accepts and the dual-execution layer above must tolerate. The last block of x is
 * uniformly random and enters H_χ with coefficient 1, so x̃ is a one-time pad of the real choices.
 *
 * <p>Fiat–Shamir: the χ_b come from a hash of the session id, the count, the base-OT points A and
 * B_i, and the receiver's whole matrix u, instead of a coin toss after u (KOS15 uses F_Rand). The
 * check is sound only if χ is unpredictable when u is fixed; here χ is a random-oracle output on u
 * itself, so any change to u redraws χ. What a cheating receiver gains is grinding: each hash it
 * evaluates is one more try at a collision of H_χ between two of its at most κ column vectors,
 * hence blocks of 128 bits rather than a statistical 40 or 64: after Q hash evaluations its chance
 * is at most about Q·κ²·2^-128 = Q·2^-114, a computational bound like the rest of the protocol.
 * Guessing Δ bits cannot be ground offline, because whether a guess is right is seen only by the
 * sender. The sender cannot bias χ: its input (B_i) is fixed before u, and u is masked by PRG
 * outputs of seeds it does not hold. Hashing A and B_i as well ties χ to this run of the base OTs.
 */
final class ConsistencyCheck {
  static final int VALUE_BYTES = 16;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] chi;
  private final int blocks;

  private ConsistencyCheck(long[] chi, int blocks) {
    this.chi = chi;
    this.blocks = blocks;
  }

  /**
   * The χ_b for one extension, derived from everything sent so far (Fiat–Shamir).
   *
   * @param offer the encoding of A
   * @param choices the concatenated encodings of B_0 … B_{κ−1}
   * @param matrix the matrix u as sent
   */
  static ConsistencyCheck challenge(
      SessionId sid, ExtensionShape shape, byte[] offer, byte[] choices, byte[] matrix) {
    int m = shape.blocks();
    byte[] stream =
        Transcript.start("ot/kos-check")
            .append(sid)
            .append("count", shape.count())
            .append("A", offer)
            .append("B", choices)
            .append("u", matrix)
            .expand("chi", VALUE_BYTES * m);
    long[] chi = new long[2 * m];
    for (int k = 0; k < chi.length; k++) {
      chi[k] = (long) LONGS.get(stream, 8 * k);
    }
    return new ConsistencyCheck(chi, m);
  }

  /** H_χ of the n'-bit vector in {@code words[offset …]}, as {@code (lo, hi)}. */
  long[] hash(long[] words, int offset) {
    long[] acc = new long[4];
    for (int b = 0; b < blocks; b++) {
      Gf128.multiplyAdd(
          words[offset + 2 * b], words[offset + 2 * b + 1], chi[2 * b], chi[2 * b + 1], acc);
    }
    long[] out = new long[2];
    Gf128.reduce(acc, out);
    out[0] ^= words[offset + 2 * blocks];
    out[1] ^= words[offset + 2 * blocks + 1];
    return out;
  }

  /** x̃ = H_χ(x), 16 bytes: the receiver's check value for its padded choice vector. */
  byte[] hashChoices(long[] x) {
    byte[] out = new byte[VALUE_BYTES];
    put(out, 0, hash(x, 0));
    return out;
  }

  /** t̃^0 ‖ … ‖ t̃^{κ−1}, 16 bytes each: the receiver's check values for the columns of T. */
  byte[] hashColumns(ColumnMatrix t) {
    byte[] out = new byte[KAPPA * VALUE_BYTES];
    long[] column = new long[t.shape().words()];
    for (int i = 0; i < KAPPA; i++) {
      t.copyColumn(i, column);
      put(out, i * VALUE_BYTES, hash(column, 0));
    }
    Arrays.fill(column, 0L);
    return out;
  }

  /**
   * The sender's test: H_χ(q^i) = t̃^i ⊕ Δ_i·x̃ for every column i. Differences are accumulated and
   * compared once, so neither the time taken nor the outcome says which column failed.
   */
  boolean accepts(ColumnMatrix q, Delta delta, byte[] checkX, byte[] checkT) {
    long xLo = (long) LONGS.get(checkX, 0);
    long xHi = (long) LONGS.get(checkX, 8);
    long[] column = new long[q.shape().words()];
    long difference = 0;
    for (int i = 0; i < KAPPA; i++) {
      q.copyColumn(i, column);
      long[] h = hash(column, 0);
      long mask = delta.mask(i);
      long tLo = (long) LONGS.get(checkT, i * VALUE_BYTES);
      long tHi = (long) LONGS.get(checkT, i * VALUE_BYTES + 8);
      difference |= (h[0] ^ tLo ^ (xLo & mask)) | (h[1] ^ tHi ^ (xHi & mask));
    }
    Arrays.fill(column, 0L);
    return difference == 0;
  }

  private static void put(byte[] out, int offset, long[] value) {
    LONGS.set(out, offset, value[0]);
    LONGS.set(out, offset + 8, value[1]);
  }
}
