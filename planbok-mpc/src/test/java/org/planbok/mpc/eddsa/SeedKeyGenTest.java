package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.mpc.eddsa.EddsaSignTest.bouncyCastleVerifies;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.dualex.GarbledCircuit;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Two-party ed25519 key generation from a joint seed, checked against BouncyCastle: the seed the
 * two seed shares make is one from which an ordinary wallet derives the same public key and
 * signatures; and a peer that alters what it sends in any round is refused, with no key.
 */
class SeedKeyGenTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Ed25519 G = Ed25519.INSTANCE;

  @Test
  void theSeedOfTheTwoSharesIsTheKeyAWalletDerives() {
    EddsaRun.Keys keys = SeedKeyGenRun.keyGen(RANDOM);
    byte[] seed = SeededKeyShareTest.xor(keys.p1().seedShare(), keys.p2().seedShare());
    Ed25519PrivateKeyParameters wallet = new Ed25519PrivateKeyParameters(seed, 0);
    byte[] publicKey = G.encode(keys.p1().publicKey());
    assertArrayEquals(wallet.generatePublicKey().getEncoded(), publicKey);
    assertArrayEquals(publicKey, G.encode(keys.p2().publicKey()));

    // The two nodes sign; BouncyCastle's verifier accepts it, and a wallet holding the seed signs
    // the same message to the very same bytes (RFC 8032 signatures are deterministic in the seed,
    // but two-party nonces are not, so only the wallet's own signature is compared with itself).
    byte[] message = "seeded".getBytes(StandardCharsets.UTF_8);
    byte[] signature = EddsaRun.sign(keys, message, BigInteger.ZERO, RANDOM).signature().toBytes();
    assertTrue(bouncyCastleVerifies(publicKey, message, signature));
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, wallet);
    signer.update(message, 0, message.length);
    assertTrue(bouncyCastleVerifies(publicKey, message, signer.generateSignature()));
  }

  @Test
  void aRefreshedSeededKeyStillHasItsSeed() {
    EddsaRun.Keys keys = SeedKeyGenRun.keyGen(RANDOM);
    byte[] seed = SeededKeyShareTest.xor(keys.p1().seedShare(), keys.p2().seedShare());
    EddsaRun.Keys fresh = EddsaRun.refresh(keys, RANDOM);
    assertArrayEquals(seed, SeededKeyShareTest.xor(fresh.p1().seedShare(), fresh.p2().seedShare()));
  }

  @Test
  void rejectsAWrongGarbledTable() {
    // The last 300 AND gates of either garbling (the reduction mod ℓ, which every output bit
    // passes through) have one bit flipped in both their ciphertexts: whichever rows the evaluator
    // reads, its output labels are then not the garbler's (decoding aborts) or the check values
    // differ. (One flipped bit alone may sit in a row the evaluator never reads.)
    for (int round : new int[] {4, 5}) {
      refused(
          round,
          bytes -> {
            int[] offsets = new int[600];
            for (int gate = 1; gate <= 300; gate++) {
              offsets[2 * gate - 2] = -(32 * gate - 5);
              offsets[2 * gate - 1] = -(32 * gate - 21);
            }
            return inGarbledCircuit(bytes, round, 4, offsets);
          });
    }
  }

  @Test
  void rejectsAnOtCheatOnTheEvaluatorsInputLabels() {
    // The garbler masks wrong labels for one of the evaluator's input bits, both choices of it.
    for (int round : new int[] {4, 5}) {
      refused(round, bytes -> bothChoicesOfTheLastInput(bytes, round));
    }
  }

  @Test
  void rejectsAForgedOutputLabelOrCheckValue() {
    // The output decoding names, for one output wire, two labels the garbler never made: whatever
    // label the evaluator holds is then forged as far as the decoding says.
    refused(4, bytes -> inGarbledCircuit(bytes, 4, 3, 4 + 32 + 3, 4 + 48));
    refused(5, bytes -> inGarbledCircuit(bytes, 5, 3, 4 + 64, 4 + 80 + 9));
    // P2's check value is not the one its evaluation gives.
    refused(6, bytes -> flipLast(bytes));
    // P1 opens a check value other than the one it committed to.
    refused(7, bytes -> flipLast(bytes));
  }

  @Test
  void rejectsATamperedTransferAtEveryRound() {
    for (int round : new int[] {1, 2, 3}) {
      refused(round, SeedKeyGenTest::flipLast);
    }
  }

  @Test
  void rejectsARoundOutOfOrder() {
    ProtocolAbort e =
        assertThrows(
            ProtocolAbort.class,
            () ->
                SeedKeyGenRun.keyGen(
                    RANDOM, (round, bytes) -> round == 3 ? replaceRound(bytes, 2) : bytes));
    assertEquals(AbortReason.WRONG_STATE, e.reason(), e.getMessage());
  }

  private static void refused(int atRound, java.util.function.UnaryOperator<byte[]> tamper) {
    ProtocolAbort e =
        assertThrows(
            ProtocolAbort.class,
            () ->
                SeedKeyGenRun.keyGen(
                    RANDOM, (round, bytes) -> round == atRound ? tamper.apply(bytes) : bytes),
            "round " + atRound);
    assertTrue(
        Set.of(
                AbortReason.BAD_GARBLED_CIRCUIT,
                AbortReason.BAD_COMMITMENT,
                AbortReason.BAD_OT,
                AbortReason.MALFORMED_MESSAGE,
                AbortReason.INVALID_POINT,
                AbortReason.WRONG_SESSION)
            .contains(e.reason()),
        "round " + atRound + ": " + e.reason() + " " + e.getMessage());
  }

  /**
   * Flips one bit at each of {@code offsets} (a negative offset counts from the end) of field
   * {@code field} of the garbled circuit carried in round 4 or 5 (0 session id, 1 masked OT labels,
   * 2 garbler's labels, 3 decoding, 4 tables: see {@link GarbledCircuit#toBytes()}).
   */
  private static byte[] inGarbledCircuit(byte[] message, int round, int field, int... offsets) {
    SeedKeyGenMessage m = SeedKeyGenMessage.fromBytes(message, round);
    WireReader r = new WireReader(m.part(0));
    String type = r.text(64);
    byte[][] fields = new byte[5][];
    for (int i = 0; i < 5; i++) {
      fields[i] = r.bytes(8 << 20);
    }
    byte[] target = fields[field];
    for (int at : offsets) {
      target[at >= 0 ? at : target.length + at] ^= 0x10;
    }
    WireWriter w = new WireWriter().text(type);
    for (byte[] f : fields) {
      w.bytes(f);
    }
    return SeedKeyGenMessage.of(m.sid(), round, w.toBytes(), m.part(1)).toBytes();
  }

  /**
   * The masked transfer ends {@code … ‖ u32(16n) ‖ y0 ‖ u32(16n) ‖ y1}: flips the last byte of y0
   * and of y1, so the evaluator's label for its last input bit is wrong whichever bit it chose.
   */
  private static byte[] bothChoicesOfTheLastInput(byte[] message, int round) {
    int n = org.planbok.mpc.circuit.SeedKeyCircuit.PARTY_INPUT_BITS;
    return inGarbledCircuit(message, round, 1, -1, -(16 * n + 4 + 1));
  }

  private static byte[] flipLast(byte[] bytes) {
    byte[] out = bytes.clone();
    out[out.length - 1] ^= 1;
    return out;
  }

  private static byte[] replaceRound(byte[] bytes, int round) {
    SeedKeyGenMessage m = SeedKeyGenMessage.fromBytes(bytes, 3);
    return new WireWriter()
        .text("planbok/eddsa/" + SeedKeyGenMessage.TYPE)
        .bytes(m.sid().bytes())
        .integer(round)
        .bytes(m.part(0))
        .bytes(m.part(1))
        .toBytes();
  }
}
