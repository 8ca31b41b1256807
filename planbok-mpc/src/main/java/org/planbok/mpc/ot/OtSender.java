package org.planbok.mpc.ot;

import java.security.SecureRandom;
import java.util.Arrays;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * The sender of n chosen-message 1-out-of-2 oblivious transfers of 16-byte strings, secure against
 * a malicious receiver: KOS15 OT extension (Keller, Orsini, Scholl, CRYPTO 2015, revised ePrint
 * 2015/546 §4 Fig. 10, with the challenge by Fiat–Shamir) over IKNP03, on κ = 128 {@link
 * SimplestOt} base OTs in which this party is the base-OT <em>receiver</em> with choice bits Δ.
 *
 * <pre>
 * R → S  BaseOtOffer      A                        {@link OtReceiver#start()}
 * S → R  BaseOtChoices    B_0 … B_127              {@link #onOffer(BaseOtOffer)}
 * R → S  ExtensionMatrix  u, x̃, t̃^0 … t̃^127        {@link OtReceiver#onChoices(BaseOtChoices)}
 * S → R  MaskedMessages   y0_j, y1_j               {@link #onMatrix(ExtensionMatrix)}
 *        R outputs m_{c_j, j}                     {@link OtReceiver#onMasked(MaskedMessages)}
 * </pre>
 *
 * The receiver speaks first, so two transfers in opposite directions can run side by side with
 * their messages interleaved; each needs its own session id. A matrix that fails the consistency
 * check aborts with {@link AbortReason#BAD_OT}: the receiver may have probed one bit of Δ, and the
 * session must not be retried with the same state (this object refuses every later call). The
 * messages m0, m1 and the secret Δ are wiped once the masked messages are built, on any abort, or
 * on {@link #destroy()}; {@link #toString()} shows none of them.
 */
public final class OtSender {
  /** Bytes of each transferred message. */
  public static final int MESSAGE_BYTES = 16;

  private enum Step {
    START,
    CHOSEN,
    DONE,
    FAILED
  }

  private final OtStage<Step> stage = new OtStage<>(Step.START, Step.FAILED);
  private final SessionId sid;
  private final SecureRandom random;
  private final ExtensionShape shape;
  private final byte[] zero;
  private final byte[] one;
  private Delta delta;
  private byte[][] seeds;
  private byte[] offer;
  private byte[] choices;

  /**
   * @param m0 the messages sent for choice 0, {@code MESSAGE_BYTES} each
   * @param m1 the messages sent for choice 1, as many as {@code m0}
   */
  public OtSender(SessionId sid, byte[][] m0, byte[][] m1, SecureRandom random) {
    if (sid == null || random == null || m0 == null || m1 == null) {
      throw new IllegalArgumentException("session id, messages and randomness are required");
    }
    if (m0.length != m1.length) {
      throw new IllegalArgumentException("m0 and m1 differ in count");
    }
    if (m0.length < 1 || m0.length > ExtensionShape.MAX_COUNT) {
      throw new IllegalArgumentException(
          "between 1 and " + ExtensionShape.MAX_COUNT + " transfers, not " + m0.length);
    }
    this.sid = sid;
    this.random = random;
    this.shape = new ExtensionShape(m0.length);
    this.zero = flatten(m0);
    this.one = flatten(m1);
  }

  /** The number of transfers, n. */
  public int count() {
    return shape.count();
  }

  /**
   * Round 2: draws Δ and chooses Δ_i in base OT i against the receiver's A (CO15 §3), keeping the
   * one seed k_{Δ_i} of each.
   */
  public BaseOtChoices onOffer(BaseOtOffer msg) {
    stage.begin(Step.START);
    try {
      OtFrame.requireSession(sid, msg);
      delta = Delta.random(random);
      SimplestOtReceiver.Choices chosen =
          SimplestOtReceiver.choose(sid, msg.offer(), delta, random);
      seeds = chosen.keys();
      BaseOtChoices out = new BaseOtChoices(sid, chosen.points());
      offer = msg.offer().encode();
      choices = out.encoded();
      stage.reach(Step.CHOSEN);
      return out;
    } catch (RuntimeException e) {
      destroy();
      throw e;
    }
  }

  /**
   * Round 4: rebuilds q^i = t^i_{Δ_i} ⊕ Δ_i·u^i, runs the consistency check (KOS15 revised, Fig.
   * 10) and, only if it passes, pads m0_j with H(j, q_j) and m1_j with H(j, q_j ⊕ Δ).
   */
  public MaskedMessages onMatrix(ExtensionMatrix msg) {
    stage.begin(Step.CHOSEN);
    try {
      OtFrame.requireSession(sid, msg);
      if (msg.count() != shape.count()) {
        throw new ProtocolAbort(
            AbortReason.MALFORMED_MESSAGE,
            "matrix is for " + msg.count() + " transfers, expected " + shape.count());
      }
      byte[] u = msg.matrix();
      ColumnMatrix q = ColumnMatrix.expand(seeds, shape);
      q.xorSelectedColumns(delta, ColumnMatrix.fromBytes(u, shape));
      ConsistencyCheck check = ConsistencyCheck.challenge(sid, shape, offer, choices, u);
      if (!check.accepts(q, delta, msg.checkX(), msg.checkT())) {
        q.destroy();
        throw new ProtocolAbort(AbortReason.BAD_OT, "extension matrix failed the KOS check");
      }
      long[] rows = q.rows(shape.count());
      q.destroy();
      MaskedMessages out = mask(rows);
      Arrays.fill(rows, 0L);
      wipe();
      stage.reach(Step.DONE);
      return out;
    } catch (RuntimeException e) {
      destroy();
      throw e;
    }
  }

  /** Overwrites the messages, Δ and the base-OT seeds; the party refuses every later round. */
  public void destroy() {
    wipe();
    if (stage.current() != Step.DONE) {
      stage.fail();
    }
  }

  @Override
  public String toString() {
    return "OtSender[sid=" + sid.hex() + ", count=" + shape.count() + ", " + stage.current() + "]";
  }

  private MaskedMessages mask(long[] rows) {
    int n = shape.count();
    byte[] y0 = zero.clone();
    byte[] y1 = one.clone();
    PadHash pad = new PadHash(sid);
    for (int j = 0; j < n; j++) {
      long lo = rows[2 * j];
      long hi = rows[2 * j + 1];
      pad.xorPad(j, lo, hi, y0, j * MESSAGE_BYTES);
      pad.xorPad(j, lo ^ delta.lo(), hi ^ delta.hi(), y1, j * MESSAGE_BYTES);
    }
    return new MaskedMessages(sid, n, y0, y1);
  }

  private void wipe() {
    Arrays.fill(zero, (byte) 0);
    Arrays.fill(one, (byte) 0);
    if (delta != null) {
      delta.destroy();
    }
    if (seeds != null) {
      for (byte[] s : seeds) {
        Arrays.fill(s, (byte) 0);
      }
    }
  }

  private static byte[] flatten(byte[][] messages) {
    byte[] flat = new byte[messages.length * MESSAGE_BYTES];
    for (int j = 0; j < messages.length; j++) {
      if (messages[j] == null || messages[j].length != MESSAGE_BYTES) {
        throw new IllegalArgumentException("message " + j + " is not " + MESSAGE_BYTES + " bytes");
      }
      System.arraycopy(messages[j], 0, flat, j * MESSAGE_BYTES, MESSAGE_BYTES);
    }
    return flat;
  }
}
