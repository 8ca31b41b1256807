package org.planbok.mpc.ot;

import java.security.SecureRandom;
import org.planbok.mpc.session.SessionId;

/**
 * Both parties of one batch of transfers in one process, for tests and measurements. Every message
 * goes through {@code toBytes()} and {@code fromBytes()}, as it would over the wire.
 */
final class OtRun {
  /** What the receiver got, and the bytes each side sent. */
  record Outcome(byte[][] received, long receiverBytes, long senderBytes) {}

  private OtRun() {}

  static Outcome transfer(byte[][] m0, byte[][] m1, boolean[] choices, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    OtSender sender = new OtSender(sid, m0, m1, random);
    OtReceiver receiver = new OtReceiver(sid, choices, random);
    byte[] offer = receiver.start().toBytes();
    byte[] chosen = sender.onOffer(BaseOtOffer.fromBytes(offer)).toBytes();
    byte[] matrix = receiver.onChoices(BaseOtChoices.fromBytes(chosen)).toBytes();
    byte[] masked = sender.onMatrix(ExtensionMatrix.fromBytes(matrix)).toBytes();
    byte[][] received = receiver.onMasked(MaskedMessages.fromBytes(masked));
    return new Outcome(
        received, offer.length + matrix.length, (long) chosen.length + masked.length);
  }

  static byte[][] randomMessages(int n, SecureRandom random) {
    byte[][] m = new byte[n][OtSender.MESSAGE_BYTES];
    for (byte[] message : m) {
      random.nextBytes(message);
    }
    return m;
  }

  static boolean[] randomChoices(int n, SecureRandom random) {
    boolean[] c = new boolean[n];
    for (int j = 0; j < n; j++) {
      c[j] = random.nextBoolean();
    }
    return c;
  }
}
