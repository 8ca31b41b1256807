package org.planbok.mpc.ot;

import java.security.SecureRandom;
import java.util.Arrays;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * The receiver of n chosen-message 1-out-of-2 oblivious transfers: it learns m_{c_j, j} for its
 * choice bits c and nothing about the other message; the sender learns nothing about c. In the κ
 * {@link SimplestOt} base OTs this party is the base-OT <em>sender</em>. Message order and the
 * protocol are on {@link OtSender}.
 *
 * <p>The choices are padded to n' bits (see {@link ExtensionShape}) with random bits; the last
 * block of them masks the check value x̃, so the check reveals nothing about c (KOS15 revised, §4).
 * The choices, the base-OT secret a and the rows t_j are wiped when the output is returned, on any
 * abort, or on {@link #destroy()}; {@link #toString()} shows none of them. The returned messages
 * belong to the caller.
 */
public final class OtReceiver {
  private enum Step {
    START,
    OFFERED,
    EXTENDED,
    DONE,
    FAILED
  }

  private final OtStage<Step> stage = new OtStage<>(Step.START, Step.FAILED);
  private final SessionId sid;
  private final SecureRandom random;
  private final ExtensionShape shape;
  private final long[] choices;
  private SimplestOtSender base;
  private long[] rows;

  /**
   * @param choices c_0 … c_{n−1}: {@code true} asks for m1_j, {@code false} for m0_j
   */
  public OtReceiver(SessionId sid, boolean[] choices, SecureRandom random) {
    if (sid == null || random == null || choices == null) {
      throw new IllegalArgumentException("session id, choices and randomness are required");
    }
    if (choices.length < 1 || choices.length > ExtensionShape.MAX_COUNT) {
      throw new IllegalArgumentException(
          "between 1 and " + ExtensionShape.MAX_COUNT + " transfers, not " + choices.length);
    }
    this.sid = sid;
    this.random = random;
    this.shape = new ExtensionShape(choices.length);
    this.choices = padded(choices, shape, random);
  }

  /** The number of transfers, n. */
  public int count() {
    return shape.count();
  }

  /** Round 1: draws a and offers A = a·G as the base-OT sender (CO15 §3). */
  public BaseOtOffer start() {
    stage.begin(Step.START);
    try {
      base = new SimplestOtSender(sid, random);
      BaseOtOffer out = new BaseOtOffer(sid, base.offer());
      stage.reach(Step.OFFERED);
      return out;
    } catch (RuntimeException e) {
      destroy();
      throw e;
    }
  }

  /**
   * Round 3: derives both seeds of every base OT, expands them into T and T' and sends u^i = t^i ⊕
   * t'^i ⊕ x with the check values x̃ = H_χ(x) and t̃^i = H_χ(t^i) (KOS15 revised, Fig. 10).
   */
  public ExtensionMatrix onChoices(BaseOtChoices msg) {
    stage.begin(Step.OFFERED);
    try {
      OtFrame.requireSession(sid, msg);
      byte[][][] seeds = base.keys(msg.points());
      byte[] offer = base.offer().encode();
      base.destroy();
      ColumnMatrix t = ColumnMatrix.expand(seeds[0], shape);
      ColumnMatrix u = ColumnMatrix.expand(seeds[1], shape);
      wipe(seeds);
      u.xor(t);
      u.xorIntoEveryColumn(choices);
      byte[] matrix = u.toBytes();
      u.destroy();
      ConsistencyCheck check = ConsistencyCheck.challenge(sid, shape, offer, msg.encoded(), matrix);
      ExtensionMatrix out =
          new ExtensionMatrix(
              sid, shape.count(), matrix, check.hashChoices(choices), check.hashColumns(t));
      rows = t.rows(shape.count());
      t.destroy();
      stage.reach(Step.EXTENDED);
      return out;
    } catch (RuntimeException e) {
      destroy();
      throw e;
    }
  }

  /**
   * Round 5 (local): m_{c_j, j} = y_{c_j, j} ⊕ H(j, t_j) for every j; y_{c_j} is selected with a
   * mask, not a branch on c_j.
   *
   * @return n messages of {@link OtSender#MESSAGE_BYTES} bytes, in transfer order
   */
  public byte[][] onMasked(MaskedMessages msg) {
    stage.begin(Step.EXTENDED);
    try {
      OtFrame.requireSession(sid, msg);
      if (msg.count() != shape.count()) {
        throw new ProtocolAbort(
            AbortReason.MALFORMED_MESSAGE,
            "masked messages are for " + msg.count() + " transfers, expected " + shape.count());
      }
      byte[] y0 = msg.zero();
      byte[] y1 = msg.one();
      PadHash pad = new PadHash(sid);
      byte[][] out = new byte[shape.count()][OtSender.MESSAGE_BYTES];
      for (int j = 0; j < out.length; j++) {
        byte mask = (byte) -((choices[j >>> 6] >>> (j & 63)) & 1L);
        int at = j * OtSender.MESSAGE_BYTES;
        for (int k = 0; k < OtSender.MESSAGE_BYTES; k++) {
          out[j][k] = (byte) ((y0[at + k] & ~mask) | (y1[at + k] & mask));
        }
        pad.xorPad(j, rows[2 * j], rows[2 * j + 1], out[j], 0);
      }
      wipeState();
      stage.reach(Step.DONE);
      return out;
    } catch (RuntimeException e) {
      destroy();
      throw e;
    }
  }

  /** Overwrites the choices, the base-OT secret and the rows; the party refuses later rounds. */
  public void destroy() {
    wipeState();
    if (stage.current() != Step.DONE) {
      stage.fail();
    }
  }

  @Override
  public String toString() {
    return "OtReceiver[sid="
        + sid.hex()
        + ", count="
        + shape.count()
        + ", "
        + stage.current()
        + "]";
  }

  private void wipeState() {
    Arrays.fill(choices, 0L);
    if (base != null) {
      base.destroy();
    }
    if (rows != null) {
      Arrays.fill(rows, 0L);
    }
  }

  private static void wipe(byte[][][] seeds) {
    for (byte[][] side : seeds) {
      for (byte[] s : side) {
        Arrays.fill(s, (byte) 0);
      }
    }
  }

  /** c as n' bits: the caller's n choices, then random bits to the end of the masking block. */
  private static long[] padded(boolean[] choices, ExtensionShape shape, SecureRandom random) {
    long[] x = new long[shape.words()];
    for (int w = 0; w < x.length; w++) {
      x[w] = random.nextLong();
    }
    for (int j = 0; j < choices.length; j++) {
      long bit = choices[j] ? 1L : 0L;
      x[j >>> 6] = (x[j >>> 6] & ~(1L << (j & 63))) | (bit << (j & 63));
    }
    return x;
  }
}
