package org.planbok.mpc.garble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/** What the evaluator refuses: altered tables, forged labels, foreign sessions, bad encodings. */
class GarblingRejectionTest {
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);

  @Test
  void neverDecodesAWrongBitFromAnAlteredTable() {
    // One flipped bit in one ciphertext: the evaluation either does not touch it, or cancels it
    // out, and decodes correctly; or the garbage it makes reaches an output and decode aborts.
    // It must never decode quietly to a bit the plain evaluation does not give.
    Random rnd = new Random(11);
    int aborted = 0;
    int trials = 400;
    for (int trial = 0; trial < trials; trial++) {
      Circuit c = HandCircuits.random(rnd, 16, 16, 400, 24);
      boolean[] first = HandCircuits.randomBits(rnd, 16);
      boolean[] second = HandCircuits.randomBits(rnd, 16);
      Garbling garbling = Garbler.garble(c, sid, random);
      byte[] tables = garbling.tables().toBytes();
      int bit = 8 * 4 + rnd.nextInt(8 * (tables.length - 4));
      tables[bit / 8] ^= (byte) (1 << (bit % 8));
      Labels out =
          Evaluator.evaluate(
              c,
              GarbledTables.fromBytes(tables, c),
              garbling.firstInputLabels(first),
              garbling.secondInputLabels(second));
      try {
        assertArrayEquals(
            c.evaluate(first, second), garbling.decoding().decode(sid, out), "trial " + trial);
      } catch (ProtocolAbort e) {
        assertEquals(AbortReason.BAD_GARBLED_CIRCUIT, e.reason());
        aborted++;
      }
    }
    assertTrue(aborted > trials / 10, "altered tables should often be caught: " + aborted);
  }

  @Test
  void rejectsAnAlteredRowTheEvaluatorUses() {
    // One AND gate, its output the only output. Inputs are chosen so both held labels have colour
    // 1: the evaluator then reads both ciphertexts, so a flip in either reaches the output.
    Circuit and =
        new Circuit(
            1,
            1,
            new byte[] {(byte) Circuit.Op.AND.ordinal()},
            new int[] {0},
            new int[] {1},
            new int[] {2});
    for (int row = 0; row < 2; row++) {
      Garbling garbling = Garbler.garble(and, sid, random);
      boolean a = colour(garbling.inputLabel(0, true)) == 1;
      boolean b = colour(garbling.inputLabel(1, true)) == 1;
      byte[] tables = garbling.tables().toBytes();
      tables[4 + 16 * row + 5] ^= 0x20;
      Labels out =
          Evaluator.evaluate(
              and,
              GarbledTables.fromBytes(tables, and),
              garbling.firstInputLabels(new boolean[] {a}),
              garbling.secondInputLabels(new boolean[] {b}));
      assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> garbling.decoding().decode(sid, out));
    }
  }

  @Test
  void rejectsAForgedOutputLabel() {
    Circuit adder = HandCircuits.adder(16);
    Garbling garbling = Garbler.garble(adder, sid, random);
    Labels honest = evaluate(adder, garbling, new boolean[16], new boolean[16]);
    for (int bit : new int[] {0, 1, 77, 127}) {
      byte[] forged = honest.toBytes();
      forged[16 * 3 + bit / 8] ^= (byte) (1 << (bit % 8));
      Labels labels = Labels.fromBytes(forged, adder.outputCount());
      assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> garbling.decoding().decode(sid, labels));
    }
    byte[] randomLabels = new byte[16 * adder.outputCount()];
    random.nextBytes(randomLabels);
    Labels guessed = Labels.fromBytes(randomLabels, adder.outputCount());
    assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> garbling.decoding().decode(sid, guessed));
  }

  @Test
  void rejectsDecodingFromAnotherSession() {
    Circuit adder = HandCircuits.adder(16);
    Garbling garbling = Garbler.garble(adder, SessionId.random(random), random);
    Labels out = evaluate(adder, garbling, new boolean[16], new boolean[16]);
    assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> garbling.decoding().decode(sid, out));
  }

  @Test
  void rejectsDecodingSwappedBetweenOutputs() {
    // Each digest names its output, so a garbler cannot make one output decode as another.
    Circuit adder = HandCircuits.adder(16);
    Garbling garbling = Garbler.garble(adder, sid, random);
    Labels out = evaluate(adder, garbling, new boolean[16], new boolean[16]);
    byte[] decoding = garbling.decoding().toBytes();
    byte[] swapped = decoding.clone();
    System.arraycopy(decoding, 4, swapped, 4 + 32, 32);
    System.arraycopy(decoding, 4 + 32, swapped, 4, 32);
    OutputDecoding tampered = OutputDecoding.fromBytes(swapped, adder);
    assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> tampered.decode(sid, out));
  }

  @Test
  void rejectsDecodingThatCommitsToOneLabelForBothBits() {
    Circuit adder = HandCircuits.adder(16);
    Garbling garbling = Garbler.garble(adder, sid, random);
    boolean[] zeros = new boolean[16];
    Labels out = evaluate(adder, garbling, zeros, zeros);
    byte[] decoding = garbling.decoding().toBytes();
    // Output 0 is 0: copy its 0-digest over its 1-digest.
    System.arraycopy(decoding, 4, decoding, 4 + 16, 16);
    OutputDecoding ambiguous = OutputDecoding.fromBytes(decoding, adder);
    assertAbort(AbortReason.BAD_GARBLED_CIRCUIT, () -> ambiguous.decode(sid, out));
  }

  @Test
  void rejectsTruncatedTables() {
    Circuit adder = HandCircuits.adder(16);
    byte[] bytes = Garbler.garble(adder, sid, random).tables().toBytes();
    assertMalformed(() -> GarbledTables.fromBytes(Arrays.copyOf(bytes, bytes.length - 1), adder));
    byte[] oneGateShort =
        new org.planbok.mpc.wire.WireWriter()
            .bytes(Arrays.copyOfRange(bytes, 4, bytes.length - 32))
            .toBytes();
    assertMalformed(() -> GarbledTables.fromBytes(oneGateShort, adder));
    assertMalformed(() -> GarbledTables.fromBytes(new byte[0], adder));
    assertMalformed(() -> GarbledTables.fromBytes(null, adder));
  }

  @Test
  void rejectsOversizedTables() {
    Circuit adder = HandCircuits.adder(16);
    byte[] bytes = Garbler.garble(adder, sid, random).tables().toBytes();
    assertMalformed(() -> GarbledTables.fromBytes(Arrays.copyOf(bytes, bytes.length + 1), adder));
    byte[] oneGateLong =
        new org.planbok.mpc.wire.WireWriter()
            .bytes(Arrays.copyOfRange(bytes, 4, bytes.length + 32))
            .toBytes();
    assertMalformed(() -> GarbledTables.fromBytes(oneGateLong, adder));
  }

  @Test
  void rejectsTablesForAnotherCircuit() {
    byte[] bytes = Garbler.garble(HandCircuits.adder(16), sid, random).tables().toBytes();
    assertMalformed(() -> GarbledTables.fromBytes(bytes, HandCircuits.adder(17)));
  }

  @Test
  void rejectsMissingReorderedOrRepeatedChunks() {
    Circuit big = HandCircuits.randomWithAnds(new Random(12), 64, 40_000, 8);
    List<byte[]> chunks = Garbler.garble(big, sid, random).tables().toChunks();
    assertEquals(2, chunks.size());
    assertMalformed(() -> GarbledTables.fromChunks(chunks.subList(0, 1), big));
    assertMalformed(() -> GarbledTables.fromChunks(List.of(chunks.get(1), chunks.get(0)), big));
    assertMalformed(() -> GarbledTables.fromChunks(List.of(chunks.get(0), chunks.get(0)), big));
    List<byte[]> extra = new ArrayList<>(chunks);
    extra.add(chunks.get(1));
    assertMalformed(() -> GarbledTables.fromChunks(extra, big));
    assertMalformed(() -> GarbledTables.fromChunks(null, big));
  }

  @Test
  void rejectsChunksOfTheWrongSize() {
    Circuit big = HandCircuits.randomWithAnds(new Random(12), 64, 40_000, 8);
    List<byte[]> chunks = Garbler.garble(big, sid, random).tables().toChunks();
    byte[] last = chunks.get(1);
    List<byte[]> trailing = List.of(chunks.get(0), Arrays.copyOf(last, last.length + 1));
    assertMalformed(() -> GarbledTables.fromChunks(trailing, big));
    List<byte[]> truncated = List.of(chunks.get(0), Arrays.copyOf(last, last.length - 1));
    assertMalformed(() -> GarbledTables.fromChunks(truncated, big));
    // A well-formed chunk whose payload is one gate longer than the split allows.
    byte[] payload = new byte[GarbledTables.CHUNK_PAYLOAD + 32];
    byte[] oversized =
        new org.planbok.mpc.wire.WireWriter().integer(0).integer(2).bytes(payload).toBytes();
    assertMalformed(() -> GarbledTables.fromChunks(List.of(oversized, last), big));
  }

  @Test
  void rejectsLabelsOfTheWrongSizeOrCount() {
    Circuit adder = HandCircuits.adder(16);
    Garbling garbling = Garbler.garble(adder, sid, random);
    assertMalformed(() -> Labels.fromBytes(new byte[16 * 16 - 1], 16));
    assertMalformed(() -> Labels.of(new byte[15]));
    assertMalformed(() -> Labels.of((byte[]) null));
    Labels fifteen = Labels.fromBytes(new byte[16 * 15], 15);
    assertMalformed(
        () ->
            Evaluator.evaluate(
                adder, garbling.tables(), fifteen, garbling.secondInputLabels(new boolean[16])));
    assertMalformed(
        () ->
            Evaluator.evaluate(
                HandCircuits.adder(17),
                garbling.tables(),
                Labels.fromBytes(new byte[16 * 17], 17),
                Labels.fromBytes(new byte[16 * 17], 17)));
  }

  @Test
  void rejectsDecodingOfTheWrongLength() {
    Circuit adder = HandCircuits.adder(16);
    byte[] bytes = Garbler.garble(adder, sid, random).decoding().toBytes();
    assertMalformed(() -> OutputDecoding.fromBytes(Arrays.copyOf(bytes, bytes.length - 1), adder));
    assertMalformed(() -> OutputDecoding.fromBytes(Arrays.copyOf(bytes, bytes.length + 1), adder));
    assertMalformed(() -> OutputDecoding.fromBytes(bytes, HandCircuits.adder(15)));
  }

  private static Labels evaluate(Circuit c, Garbling garbling, boolean[] first, boolean[] second) {
    return Evaluator.evaluate(
        c, garbling.tables(), garbling.firstInputLabels(first), garbling.secondInputLabels(second));
  }

  private static int colour(byte[] label) {
    return label[0] & 1;
  }

  private static void assertMalformed(Executable call) {
    assertAbort(AbortReason.MALFORMED_MESSAGE, call);
  }

  private static void assertAbort(AbortReason reason, Executable call) {
    assertEquals(reason, assertThrows(ProtocolAbort.class, call).reason());
  }
}
