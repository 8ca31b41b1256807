package org.planbok.wallet.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Coin;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.core.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.PlainKey;

class PsbtTest {
  private static final NetworkParameters MAIN = MainNetParams.get();
  private static final long[] AMOUNTS = {50_000, 125_000, 7_000};

  private final PlainKey key = PlainKey.random();
  private final ECKey bitcoinjKey = ECKey.fromPrivate(key.secret());

  /** An unsigned bitcoinj transaction spending three outputs of our key to two addresses. */
  private Transaction unsigned() {
    Transaction tx = new Transaction(MAIN);
    for (int i = 0; i < AMOUNTS.length; i++) {
      Sha256Hash prev = Sha256Hash.of(new byte[] {(byte) i});
      TransactionInput in =
          new TransactionInput(MAIN, tx, new byte[0], new TransactionOutPoint(MAIN, i, prev));
      in.setSequenceNumber(0xfffffffdL);
      tx.addInput(in);
    }
    tx.addOutput(Coin.valueOf(150_000), SegwitAddress.fromKey(MAIN, new ECKey()));
    tx.addOutput(Coin.valueOf(30_000), SegwitAddress.fromKey(MAIN, bitcoinjKey));
    tx.setLockTime(850_000);
    return tx;
  }

  private byte[] ourScript() {
    return BitcoinAddress.p2wpkhScript(key.publicKey());
  }

  /** BIP174 serialization: magic, global map, one map per input, one per output. */
  static byte[] psbt(Transaction tx, List<byte[][]> inputEntries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
    entry(out, new byte[] {0}, tx.bitcoinSerialize());
    out.write(0);
    for (byte[][] entries : inputEntries) {
      for (int k = 0; k < entries.length; k += 2) {
        entry(out, entries[k], entries[k + 1]);
      }
      out.write(0);
    }
    for (int i = 0; i < tx.getOutputs().size(); i++) {
      out.write(0);
    }
    return out.toByteArray();
  }

  static void entry(ByteArrayOutputStream out, byte[] key, byte[] value) {
    out.writeBytes(new ByteWriter().varBytes(key).varBytes(value).toBytes());
  }

  static byte[] witnessUtxo(long value, byte[] script) {
    return new ByteWriter().u64(value).varBytes(script).toBytes();
  }

  private List<byte[][]> ourInputs() {
    List<byte[][]> inputs = new ArrayList<>();
    for (long amount : AMOUNTS) {
      inputs.add(new byte[][] {{1}, witnessUtxo(amount, ourScript())});
    }
    return inputs;
  }

  @Test
  void finalizesATransactionThatBitcoinjParsesAndVerifies() throws Exception {
    Transaction tx = unsigned();
    Psbt psbt = Psbt.parse(psbt(tx, ourInputs()));
    assertEquals(182_000 - 180_000, psbt.fee());
    List<byte[]> sighashes = psbt.sighashes(key.publicKey());
    List<EcdsaSignature> sigs = new ArrayList<>();
    sighashes.forEach(h -> sigs.add(key.sign(h)));

    FinalizedTransaction done = psbt.finalizeWith(key.publicKey(), sigs);

    Transaction parsed = new Transaction(MAIN, done.raw());
    assertEquals(parsed.getTxId().toString(), done.txid());
    assertEquals(tx.getTxId().toString(), done.txid());
    for (int i = 0; i < AMOUNTS.length; i++) {
      Sha256Hash expected =
          parsed.hashForWitnessSignature(
              i,
              ScriptBuilder.createP2PKHOutputScript(bitcoinjKey),
              Coin.valueOf(AMOUNTS[i]),
              Transaction.SigHash.ALL,
              false);
      assertArrayEquals(expected.getBytes(), sighashes.get(i));
      TransactionSignature sig =
          TransactionSignature.decodeFromBitcoin(
              parsed.getInput(i).getWitness().getPush(0), true, true);
      assertEquals(Transaction.SigHash.ALL, sig.sigHashMode());
      assertTrue(bitcoinjKey.verify(expected, sig));
      assertArrayEquals(bitcoinjKey.getPubKey(), parsed.getInput(i).getWitness().getPush(1));
      // bitcoinj's own script interpreter agrees that the witness spends the output.
      parsed
          .getInput(i)
          .getScriptSig()
          .correctlySpends(
              parsed,
              i,
              parsed.getInput(i).getWitness(),
              Coin.valueOf(AMOUNTS[i]),
              ScriptBuilder.createP2WPKHOutputScript(bitcoinjKey),
              org.bitcoinj.script.Script.ALL_VERIFY_FLAGS);
    }
  }

  @Test
  void acceptsAMatchingPreviousTransaction() {
    Transaction prev = new Transaction(MAIN);
    prev.addInput(
        new TransactionInput(
            MAIN, prev, new byte[] {0x51}, new TransactionOutPoint(MAIN, 0, Sha256Hash.ZERO_HASH)));
    prev.addOutput(Coin.valueOf(90_000), SegwitAddress.fromKey(MAIN, bitcoinjKey));
    Transaction tx = new Transaction(MAIN);
    tx.addInput(
        new TransactionInput(
            MAIN, tx, new byte[0], new TransactionOutPoint(MAIN, 0, prev.getTxId())));
    tx.addOutput(Coin.valueOf(80_000), SegwitAddress.fromKey(MAIN, new ECKey()));
    byte[] good =
        psbt(
            tx,
            List.<byte[][]>of(
                new byte[][] {
                  {0}, prev.bitcoinSerialize(), {1}, witnessUtxo(90_000, ourScript())
                }));
    Psbt psbt = Psbt.parse(good);
    assertEquals(10_000, psbt.fee());
    psbt.finalizeWith(key.publicKey(), List.of(key.sign(psbt.sighashes(key.publicKey()).get(0))));

    byte[] lying =
        psbt(
            tx,
            List.<byte[][]>of(
                new byte[][] {
                  {0}, prev.bitcoinSerialize(), {1}, witnessUtxo(9_000_000, ourScript())
                }));
    assertRejected(
        "psbt.inputs[0].witnessUtxo", () -> Psbt.parse(lying).sighashes(key.publicKey()));
  }

  @Test
  void rejectsAnInputNotOurs() {
    List<byte[][]> inputs = ourInputs();
    byte[] other = BitcoinAddress.p2wpkhScript(PlainKey.random().publicKey());
    inputs.set(1, new byte[][] {{1}, witnessUtxo(AMOUNTS[1], other)});
    Psbt psbt = Psbt.parse(psbt(unsigned(), inputs));
    assertRejected("psbt.inputs[1]", () -> psbt.sighashes(key.publicKey()));
  }

  @Test
  void rejectsANonP2wpkhInput() {
    List<byte[][]> inputs = ourInputs();
    byte[] taproot = new byte[34];
    taproot[0] = 0x51;
    taproot[1] = 32;
    inputs.set(2, new byte[][] {{1}, witnessUtxo(AMOUNTS[2], taproot)});
    Psbt psbt = Psbt.parse(psbt(unsigned(), inputs));
    assertRejected("psbt.inputs[2]", () -> psbt.sighashes(key.publicKey()));
  }

  @Test
  void rejectsAnInputWithoutWitnessUtxo() {
    List<byte[][]> inputs = ourInputs();
    inputs.set(0, new byte[0][]);
    Psbt psbt = Psbt.parse(psbt(unsigned(), inputs));
    assertRejected("psbt.inputs[0]", () -> psbt.sighashes(key.publicKey()));
  }

  @Test
  void rejectsAnotherSighashType() {
    List<byte[][]> inputs = ourInputs();
    inputs.set(0, new byte[][] {{1}, witnessUtxo(AMOUNTS[0], ourScript()), {3}, {0x03, 0, 0, 0}});
    assertRejected("psbt.inputs[0].sighashType", () -> Psbt.parse(psbt(unsigned(), inputs)));
  }

  @Test
  void rejectsAMalformedPsbt() {
    byte[] good = psbt(unsigned(), ourInputs());
    // Not a PSBT: the bare transaction.
    assertRejected("psbt", () -> Psbt.parse(unsigned().bitcoinSerialize()));
    // Truncated: the last output map has no separator.
    assertRejected(
        "psbt.outputs[1]", () -> Psbt.parse(java.util.Arrays.copyOf(good, good.length - 1)));
    // Trailing bytes.
    assertRejected("psbt", () -> Psbt.parse(java.util.Arrays.copyOf(good, good.length + 1)));
    // An input map missing: the PSBT ends early.
    List<byte[][]> two = ourInputs().subList(0, 2);
    assertThrows(ChainFormatException.class, () -> Psbt.parse(psbt(unsigned(), two)));
    // A duplicate key in an input map.
    List<byte[][]> dup = ourInputs();
    dup.set(0, new byte[][] {{1}, witnessUtxo(1, ourScript()), {1}, witnessUtxo(2, ourScript())});
    assertRejected("psbt.inputs[0]", () -> Psbt.parse(psbt(unsigned(), dup)));
    // A filled scriptSig in the unsigned transaction.
    Transaction withScriptSig = unsigned();
    withScriptSig.getInput(0).setScriptSig(new org.bitcoinj.script.Script(new byte[] {0x51}));
    assertRejected("psbt.global.unsignedTx", () -> Psbt.parse(psbt(withScriptSig, ourInputs())));
    // A witness UTXO with trailing bytes.
    List<byte[][]> longUtxo = ourInputs();
    byte[] utxo = witnessUtxo(AMOUNTS[0], ourScript());
    longUtxo.set(0, new byte[][] {{1}, java.util.Arrays.copyOf(utxo, utxo.length + 1)});
    assertRejected("psbt.inputs[0].witnessUtxo", () -> Psbt.parse(psbt(unsigned(), longUtxo)));
  }

  @Test
  void rejectsOutputsWorthMoreThanTheInputs() {
    List<byte[][]> inputs = ourInputs();
    inputs.set(0, new byte[][] {{1}, witnessUtxo(1, ourScript())});
    assertRejected("psbt", () -> Psbt.parse(psbt(unsigned(), inputs)).fee());
  }

  @Test
  void refusesASignatureThatDoesNotVerify() {
    Psbt psbt = Psbt.parse(psbt(unsigned(), ourInputs()));
    List<byte[]> sighashes = psbt.sighashes(key.publicKey());
    List<EcdsaSignature> sigs = new ArrayList<>();
    sighashes.forEach(h -> sigs.add(key.sign(h)));
    sigs.set(1, key.sign(sighashes.get(0)));
    assertThrows(IllegalArgumentException.class, () -> psbt.finalizeWith(key.publicKey(), sigs));
  }

  private static void assertRejected(String field, Executable run) {
    ChainFormatException e = assertThrows(ChainFormatException.class, run);
    assertEquals(field, e.field(), e.getMessage());
  }
}
