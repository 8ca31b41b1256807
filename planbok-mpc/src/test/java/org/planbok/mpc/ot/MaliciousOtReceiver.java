package org.planbok.mpc.ot;

import static org.planbok.mpc.ot.ExtensionShape.KAPPA;

import java.security.SecureRandom;
import org.planbok.mpc.session.SessionId;

/**
 * A receiver that runs the selective-failure attack on IKNP that KOS15's check exists to stop: it
 * builds some columns i of u from a choice vector x ⊕ e instead of x (here e flips transfer {@code
 * probe}), then sends check values that are right if its guess g_i of Δ_i is right. If the sender
 * accepts, the receiver has learnt Δ_i = g_i; if Δ_i ≠ g_i the sender must refuse.
 *
 * <p>Derivation: the sender holds q^i = t0^i ⊕ Δ_i·(x ⊕ e), so H_χ(q^i) = t̃^i ⊕ Δ_i·x̃ holds iff
 * t̃^i = H_χ(t0^i) ⊕ Δ_i·H_χ(e). The attacker sends t̃^i = H_χ(t0^i) ⊕ g_i·H_χ(e), with χ derived
 * honestly from the tampered u.
 */
final class MaliciousOtReceiver {
  private final SessionId sid;
  private final ExtensionShape shape;
  private final SimplestOtSender base;
  private final long[] choices;

  MaliciousOtReceiver(SessionId sid, int count, SecureRandom random) {
    this.sid = sid;
    this.shape = new ExtensionShape(count);
    this.base = new SimplestOtSender(sid, random);
    this.choices = new long[shape.words()];
    for (int w = 0; w < choices.length; w++) {
      choices[w] = random.nextLong();
    }
  }

  BaseOtOffer start() {
    return new BaseOtOffer(sid, base.offer());
  }

  /**
   * @param columns the columns built from x ⊕ e
   * @param guess the guessed Δ_i for those columns
   * @param probe the transfer whose choice bit the tampered columns flip
   */
  ExtensionMatrix onChoices(BaseOtChoices msg, int[] columns, boolean guess, int probe) {
    byte[][][] seeds = base.keys(msg.points());
    ColumnMatrix t = ColumnMatrix.expand(seeds[0], shape);
    ColumnMatrix u = ColumnMatrix.expand(seeds[1], shape);
    u.xor(t);
    u.xorIntoEveryColumn(choices);
    byte[] matrix = u.toBytes();
    for (int i : columns) {
      int bit = i * shape.total() + probe;
      matrix[bit >>> 3] ^= (byte) (1 << (bit & 7));
    }
    ConsistencyCheck check =
        ConsistencyCheck.challenge(sid, shape, base.offer().encode(), msg.encoded(), matrix);
    byte[] checkT = check.hashColumns(t);
    if (guess) {
      long[] e = new long[shape.words()];
      e[probe >>> 6] = 1L << (probe & 63);
      byte[] he = check.hashChoices(e);
      for (int i : columns) {
        for (int k = 0; k < he.length; k++) {
          checkT[i * ConsistencyCheck.VALUE_BYTES + k] ^= he[k];
        }
      }
    }
    return new ExtensionMatrix(sid, shape.count(), matrix, check.hashChoices(choices), checkT);
  }

  static int[] allColumns() {
    int[] all = new int[KAPPA];
    for (int i = 0; i < KAPPA; i++) {
      all[i] = i;
    }
    return all;
  }
}
