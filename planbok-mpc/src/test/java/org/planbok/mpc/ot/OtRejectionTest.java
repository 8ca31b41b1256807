package org.planbok.mpc.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/** Every check a party makes on what it receives, and on the order it is driven in. */
class OtRejectionTest {
  private static final int N = 200;
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] IDENTITY =
      HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
  private static final byte[] ORDER_TWO =
      HEX.parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  private static final byte[] Y_IS_P =
      HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);
  private final OtSender sender =
      new OtSender(sid, OtRun.randomMessages(N, random), OtRun.randomMessages(N, random), random);
  private final OtReceiver receiver = new OtReceiver(sid, OtRun.randomChoices(N, random), random);

  @Test
  void rejectsBaseOtPointsOffTheCurveOrOfSmallOrderOrTheIdentity() {
    byte[] offer = receiver.start().toBytes();
    for (byte[] bad : new byte[][] {offCurve(), IDENTITY, ORDER_TWO, Y_IS_P}) {
      byte[] tampered = withPoint(offer, offer.length - Ed25519.POINT_BYTES, bad);
      assertAbort(AbortReason.INVALID_POINT, () -> BaseOtOffer.fromBytes(tampered));
    }
    byte[] choices = sender.onOffer(BaseOtOffer.fromBytes(offer)).toBytes();
    int pointsAt = choices.length - 128 * Ed25519.POINT_BYTES;
    for (int i : new int[] {0, 77, 127}) {
      for (byte[] bad : new byte[][] {offCurve(), IDENTITY, ORDER_TWO, Y_IS_P}) {
        byte[] tampered = withPoint(choices, pointsAt + i * Ed25519.POINT_BYTES, bad);
        assertAbort(AbortReason.INVALID_POINT, () -> BaseOtChoices.fromBytes(tampered));
      }
    }
  }

  @Test
  void rejectsTheIdentityBuiltInProcess() {
    Ed25519 g = Ed25519.INSTANCE;
    var identity = g.add(g.generator(), g.negate(g.generator()));
    assertAbort(AbortReason.INVALID_POINT, () -> new BaseOtOffer(sid, identity));
  }

  @Test
  void rejectsTruncatedExtendedAndRetypedMessages() {
    byte[] offer = receiver.start().toBytes();
    byte[] choices = sender.onOffer(BaseOtOffer.fromBytes(offer)).toBytes();
    byte[] matrix = receiver.onChoices(BaseOtChoices.fromBytes(choices)).toBytes();
    byte[] masked = sender.onMatrix(ExtensionMatrix.fromBytes(matrix)).toBytes();
    rejectsMalformed(offer, BaseOtOffer::fromBytes);
    rejectsMalformed(choices, BaseOtChoices::fromBytes);
    rejectsMalformed(matrix, ExtensionMatrix::fromBytes);
    rejectsMalformed(masked, MaskedMessages::fromBytes);
    // A message of one round never parses as another.
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> BaseOtChoices.fromBytes(offer));
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> MaskedMessages.fromBytes(matrix));
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> ExtensionMatrix.fromBytes(masked));
  }

  @Test
  void rejectsCountsThatDisagreeWithTheLengthsOrTheParty() {
    receiver.onChoices(sender.onOffer(receiver.start()));
    // The count field says 100 while the matrix is sized for 200 (three blocks, not two): refused
    // on parsing.
    ExtensionMatrix honest =
        new ExtensionMatrix(
            sid, N, new byte[new ExtensionShape(N).matrixBytes()], new byte[16], new byte[2048]);
    byte[] wire = honest.toBytes();
    int countAt = indexOf(wire, new byte[] {0, 0, 0, 1, (byte) N});
    wire[countAt + 4] = (byte) 100;
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> ExtensionMatrix.fromBytes(wire));
    // 201 fits the same lengths and parses, but is not the count this sender was built for.
    wire[countAt + 4] = (byte) 201;
    ExtensionMatrix other = ExtensionMatrix.fromBytes(wire);
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> sender.onMatrix(other));
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> new ExtensionShape(0));
    assertAbort(
        AbortReason.MALFORMED_MESSAGE, () -> new ExtensionShape(ExtensionShape.MAX_COUNT + 1));
  }

  @Test
  void rejectsMessagesFromAnotherSession() {
    SessionId other = SessionId.random(random);
    OtReceiver stranger = new OtReceiver(other, new boolean[N], random);
    OtSender strangeSender =
        new OtSender(
            other, OtRun.randomMessages(N, random), OtRun.randomMessages(N, random), random);
    BaseOtOffer foreignOffer = stranger.start();
    assertAbort(AbortReason.WRONG_SESSION, () -> sender.onOffer(foreignOffer));

    OtSender fresh =
        new OtSender(sid, OtRun.randomMessages(N, random), OtRun.randomMessages(N, random), random);
    BaseOtChoices ours = fresh.onOffer(receiver.start());
    BaseOtChoices theirs = strangeSender.onOffer(foreignOffer);
    assertAbort(AbortReason.WRONG_SESSION, () -> receiver.onChoices(theirs));
    // The receiver aborted for good; a correct message now finds it closed.
    assertAbort(AbortReason.WRONG_STATE, () -> receiver.onChoices(ours));

    ExtensionMatrix foreignMatrix = stranger.onChoices(theirs);
    OtReceiver honest = new OtReceiver(sid, new boolean[N], random);
    OtSender honestSender =
        new OtSender(sid, OtRun.randomMessages(N, random), OtRun.randomMessages(N, random), random);
    ExtensionMatrix matrix = honest.onChoices(honestSender.onOffer(honest.start()));
    assertAbort(AbortReason.WRONG_SESSION, () -> honestSender.onMatrix(foreignMatrix));
    MaskedMessages foreignMasked = strangeSender.onMatrix(foreignMatrix);
    assertAbort(AbortReason.WRONG_SESSION, () -> honest.onMasked(foreignMasked));
    assertEquals(N, stranger.onMasked(foreignMasked).length);
    assertAbort(AbortReason.WRONG_STATE, () -> honestSender.onMatrix(matrix));
  }

  @Test
  void rejectsATamperedCheckValue() {
    ExtensionMatrix m = receiver.onChoices(sender.onOffer(receiver.start()));
    byte[] checkT = m.checkT();
    checkT[5 * 16 + 3] ^= 0x10;
    ExtensionMatrix tampered = new ExtensionMatrix(sid, N, m.matrix(), m.checkX(), checkT);
    assertAbort(AbortReason.BAD_OT, () -> sender.onMatrix(tampered));
  }

  @Test
  void rejectsAMatrixTamperedInEveryColumn() {
    // A bit of u^i matters to the sender only where Δ_i = 1, so one flipped bit is caught with
    // probability ½ (see SelectiveFailureAttackTest); one in every column is caught unless Δ = 0.
    ExtensionMatrix m = receiver.onChoices(sender.onOffer(receiver.start()));
    byte[] u = m.matrix();
    int column = new ExtensionShape(N).columnBytes();
    for (int i = 0; i < 128; i++) {
      u[i * column + 9] ^= 0x04;
    }
    ExtensionMatrix tampered = new ExtensionMatrix(sid, N, u, m.checkX(), m.checkT());
    assertAbort(AbortReason.BAD_OT, () -> sender.onMatrix(tampered));
  }

  @Test
  void rejectsAValidButSubstitutedBaseOtPoint() {
    // Someone between the parties swaps B_3 for another good point: the receiver's seeds for column
    // 3 no longer match the sender's, and the check (which also hashes every B_i) fails.
    BaseOtChoices choices = sender.onOffer(receiver.start());
    var points = new java.util.ArrayList<>(choices.points());
    Ed25519 g = Ed25519.INSTANCE;
    points.set(3, g.multiplyGenerator(g.randomScalar(random)));
    ExtensionMatrix m = receiver.onChoices(new BaseOtChoices(sid, points));
    assertAbort(AbortReason.BAD_OT, () -> sender.onMatrix(m));
  }

  @Test
  void rejectsRoundsOutOfOrderAndAfterTheEnd() {
    assertAbort(
        AbortReason.WRONG_STATE,
        () -> receiver.onMasked(new MaskedMessages(sid, N, new byte[16 * N], new byte[16 * N])));
    OtReceiver r = new OtReceiver(sid, new boolean[N], random);
    BaseOtOffer offer = r.start();
    assertAbort(AbortReason.WRONG_STATE, r::start);
    OtReceiver r2 = new OtReceiver(sid, new boolean[N], random);
    BaseOtChoices choices = sender.onOffer(r2.start());
    assertAbort(AbortReason.WRONG_STATE, () -> sender.onOffer(offer));
    MaskedMessages masked = sender.onMatrix(r2.onChoices(choices));
    r2.onMasked(masked);
    assertAbort(AbortReason.WRONG_STATE, () -> r2.onMasked(masked));
  }

  @Test
  void rejectsUseAfterDestroy() {
    receiver.destroy();
    assertAbort(AbortReason.WRONG_STATE, receiver::start);
    sender.destroy();
    OtReceiver r = new OtReceiver(sid, new boolean[N], random);
    assertAbort(AbortReason.WRONG_STATE, () -> sender.onOffer(r.start()));
  }

  @Test
  void rejectsMessagesOfTheWrongSizeFromTheCaller() {
    byte[][] short0 = OtRun.randomMessages(3, random);
    short0[1] = new byte[15];
    assertThrows(
        IllegalArgumentException.class,
        () -> new OtSender(sid, short0, OtRun.randomMessages(3, random), random));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new OtSender(
                sid, OtRun.randomMessages(3, random), OtRun.randomMessages(4, random), random));
    assertThrows(IllegalArgumentException.class, () -> new OtReceiver(sid, new boolean[0], random));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OtSender(sid, new byte[0][], new byte[0][], random));
  }

  private static void rejectsMalformed(byte[] wire, Function<byte[], ?> parse) {
    parse.apply(wire);
    for (int cut : new int[] {0, 1, 10, wire.length / 2, wire.length - 1}) {
      byte[] truncated = Arrays.copyOf(wire, cut);
      assertAbort(AbortReason.MALFORMED_MESSAGE, () -> parse.apply(truncated));
    }
    byte[] longer = Arrays.copyOf(wire, wire.length + 1);
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> parse.apply(longer));
    byte[] retyped = wire.clone();
    retyped[6] ^= 1;
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> parse.apply(retyped));
  }

  /** A 32-byte y below p for which no x exists: not a point at all. */
  private static byte[] offCurve() {
    for (int y = 2; ; y++) {
      byte[] enc = new byte[32];
      enc[0] = (byte) y;
      try {
        Ed25519.INSTANCE.decode(enc);
      } catch (ProtocolAbort e) {
        if (e.getMessage().contains("not the canonical encoding")) {
          return enc;
        }
      }
    }
  }

  private static byte[] withPoint(byte[] wire, int at, byte[] point) {
    byte[] out = wire.clone();
    System.arraycopy(point, 0, out, at, point.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int k = 0; k + needle.length <= haystack.length; k++) {
      for (int m = 0; m < needle.length; m++) {
        if (haystack[k + m] != needle[m]) {
          continue outer;
        }
      }
      return k;
    }
    throw new AssertionError("not found");
  }

  static void assertAbort(AbortReason reason, Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
