package org.planbok.mpc.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

class OtExtensionTest {
  private final SecureRandom random = new SecureRandom();

  @ParameterizedTest
  @ValueSource(ints = {1, 127, 128, 129, 509, 1024})
  void receiverLearnsExactlyTheChosenMessages(int n) {
    byte[][] m0 = OtRun.randomMessages(n, random);
    byte[][] m1 = OtRun.randomMessages(n, random);
    boolean[] choices = OtRun.randomChoices(n, random);

    byte[][] received = OtRun.transfer(m0, m1, choices, random).received();

    assertEquals(n, received.length);
    for (int j = 0; j < n; j++) {
      byte[] chosen = choices[j] ? m1[j] : m0[j];
      byte[] other = choices[j] ? m0[j] : m1[j];
      assertArrayEquals(chosen, received[j], "transfer " + j);
      assertFalse(Arrays.equals(other, received[j]), "transfer " + j + " gave the other message");
    }
  }

  @Test
  void allZeroAndAllOneChoicesWork() {
    int n = 300;
    byte[][] m0 = OtRun.randomMessages(n, random);
    byte[][] m1 = OtRun.randomMessages(n, random);
    boolean[] ones = new boolean[n];
    Arrays.fill(ones, true);
    assertArrayEquals(m0, OtRun.transfer(m0, m1, new boolean[n], random).received());
    assertArrayEquals(m1, OtRun.transfer(m0, m1, ones, random).received());
  }

  @Test
  void equalMessagesStayHiddenBehindDifferentPads() {
    // The sender's two pads for one transfer differ by H(j, q) vs H(j, q ⊕ Δ): equal messages must
    // still give unrelated masked values, else the receiver would learn m0 = m1.
    int n = 64;
    byte[][] same = OtRun.randomMessages(n, random);
    SessionId sid = SessionId.random(random);
    OtSender sender = new OtSender(sid, same, same, random);
    OtReceiver receiver = new OtReceiver(sid, OtRun.randomChoices(n, random), random);
    MaskedMessages masked = sender.onMatrix(receiver.onChoices(sender.onOffer(receiver.start())));
    assertFalse(Arrays.equals(masked.zero(), masked.one()));
    assertArrayEquals(same, receiver.onMasked(masked));
  }

  @Test
  void partiesRedactTheirSecretsAndWipeThemWhenDone() {
    int n = 8;
    byte[][] m0 = OtRun.randomMessages(n, random);
    SessionId sid = SessionId.random(random);
    OtSender sender = new OtSender(sid, m0, OtRun.randomMessages(n, random), random);
    OtReceiver receiver = new OtReceiver(sid, new boolean[n], random);
    String hex = HexFormat.of().formatHex(m0[0]);
    assertFalse(sender.toString().contains(hex));
    MaskedMessages masked = sender.onMatrix(receiver.onChoices(sender.onOffer(receiver.start())));
    receiver.onMasked(masked);
    assertTrue(sender.toString().contains("DONE"), sender.toString());
    assertTrue(receiver.toString().contains("DONE"), receiver.toString());
    ProtocolAbort again =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProtocolAbort.class, () -> receiver.onMasked(masked));
    assertEquals(AbortReason.WRONG_STATE, again.reason());
  }

  /**
   * Not a benchmark: one warm-up and a few timed runs of n = 1024 in-process, printed for the
   * record (the machine is shared, so nothing is asserted about time).
   */
  @Test
  void measuresTheWholeFlowForTenTwentyFourTransfers() {
    int n = 1024;
    byte[][] m0 = OtRun.randomMessages(n, random);
    byte[][] m1 = OtRun.randomMessages(n, random);
    boolean[] choices = OtRun.randomChoices(n, random);
    long cold = System.nanoTime();
    OtRun.Outcome first = OtRun.transfer(m0, m1, choices, random);
    cold = System.nanoTime() - cold;
    for (int k = 0; k < 5; k++) {
      OtRun.transfer(m0, m1, choices, random);
    }
    int runs = 10;
    long[] times = new long[runs];
    for (int k = 0; k < runs; k++) {
      long t = System.nanoTime();
      OtRun.transfer(m0, m1, choices, random);
      times[k] = System.nanoTime() - t;
    }
    Arrays.sort(times);
    System.out.printf(
        "OT n=%d: first run %.1f ms; warm median %.1f ms, min %.1f ms; receiver sent %d B, sender"
            + " sent %d B%n",
        n,
        cold / 1e6,
        times[runs / 2] / 1e6,
        times[0] / 1e6,
        first.receiverBytes(),
        first.senderBytes());
    assertEquals(n, first.received().length);
  }
}
