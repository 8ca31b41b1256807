package org.planbok.wallet.chain.bitcoin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * A BIP174 (version 0) Partially Signed Bitcoin Transaction whose inputs are all P2WPKH outputs of
 * one key, signed with SIGHASH_ALL and finalized into a network transaction.
 *
 * <p>Parsing is strict: the magic, every key-value map and its separator, no duplicate keys, an
 * unsigned transaction with empty scriptSigs and no witnesses, exactly one map per input and per
 * output, nothing after the last map. Inputs already finalized, or asking for another sighash type,
 * are refused. The amount signed comes from the witness UTXO; when the previous transaction is also
 * present, it must hash to the outpoint's txid and hold the same output.
 */
public final class Psbt {
  /** Larger PSBTs are refused (Bitcoin Core's standard transactions are at most 400 kWU). */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final byte[] MAGIC = {0x70, 0x73, 0x62, 0x74, (byte) 0xff};
  private static final int GLOBAL_UNSIGNED_TX = 0x00;
  private static final int GLOBAL_VERSION = 0xfb;
  private static final int IN_NON_WITNESS_UTXO = 0x00;
  private static final int IN_WITNESS_UTXO = 0x01;
  private static final int IN_SIGHASH_TYPE = 0x03;
  private static final int IN_FINAL_SCRIPTSIG = 0x07;
  private static final int IN_FINAL_SCRIPTWITNESS = 0x08;

  private final BitcoinTransaction unsigned;
  private final List<PsbtInput> inputs;

  private Psbt(BitcoinTransaction unsigned, List<PsbtInput> inputs) {
    this.unsigned = unsigned;
    this.inputs = List.copyOf(inputs);
  }

  /** Parses the binary PSBT (the base64 text decoded). */
  public static Psbt parse(byte[] data) {
    if (data == null || data.length == 0) {
      throw new ChainFormatException("psbt", "empty");
    }
    if (data.length > MAX_BYTES) {
      throw new ChainFormatException("psbt", "longer than " + MAX_BYTES + " bytes");
    }
    ByteReader r = new ByteReader(data, "psbt");
    if (data.length < MAGIC.length || !Arrays.equals(r.bytes(MAGIC.length), MAGIC)) {
      throw new ChainFormatException("psbt", "no PSBT magic (psbt 0xff)");
    }
    BitcoinTransaction tx = null;
    for (KeyValue kv : map(r, "psbt.global")) {
      if (kv.type() == GLOBAL_UNSIGNED_TX) {
        kv.requireKeyLength(1, "psbt.global");
        tx = unsignedTransaction(kv.value());
      } else if (kv.type() == GLOBAL_VERSION) {
        kv.requireKeyLength(1, "psbt.global");
        if (!Arrays.equals(kv.value(), new byte[4])) {
          throw new ChainFormatException("psbt.global", "only PSBT version 0 is supported");
        }
      }
    }
    if (tx == null) {
      throw new ChainFormatException("psbt.global", "no unsigned transaction");
    }
    List<PsbtInput> inputs = new ArrayList<>();
    for (int i = 0; i < tx.inputs().size(); i++) {
      inputs.add(input(map(r, "psbt.inputs[" + i + "]"), "psbt.inputs[" + i + "]"));
    }
    for (int i = 0; i < tx.outputs().size(); i++) {
      map(r, "psbt.outputs[" + i + "]");
    }
    if (!r.atEnd()) {
      throw new ChainFormatException("psbt", "trailing bytes after the last output map");
    }
    return new Psbt(tx, inputs);
  }

  private static BitcoinTransaction unsignedTransaction(byte[] value) {
    String field = "psbt.global.unsignedTx";
    BitcoinTransaction tx = BitcoinTransaction.parse(value, field);
    if (tx.hasWitness()) {
      throw new ChainFormatException(field, "the unsigned transaction has witnesses");
    }
    for (int i = 0; i < tx.inputs().size(); i++) {
      if (tx.inputs().get(i).scriptSig().length != 0) {
        throw new ChainFormatException(field, "input " + i + " has a scriptSig");
      }
    }
    if (tx.outputs().isEmpty()) {
      throw new ChainFormatException(field, "no outputs");
    }
    return tx;
  }

  private static PsbtInput input(List<KeyValue> map, String field) {
    Optional<BitcoinTransaction.Output> witnessUtxo = Optional.empty();
    Optional<BitcoinTransaction> previous = Optional.empty();
    for (KeyValue kv : map) {
      switch (kv.type()) {
        case IN_NON_WITNESS_UTXO -> {
          kv.requireKeyLength(1, field);
          previous = Optional.of(BitcoinTransaction.parse(kv.value(), field + ".nonWitnessUtxo"));
        }
        case IN_WITNESS_UTXO -> {
          kv.requireKeyLength(1, field);
          ByteReader v = new ByteReader(kv.value(), field + ".witnessUtxo");
          BitcoinTransaction.Output out = new BitcoinTransaction.Output(v.u64(), v.varBytes());
          if (!v.atEnd() || out.value() < 0) {
            throw new ChainFormatException(field + ".witnessUtxo", "malformed output");
          }
          witnessUtxo = Optional.of(out);
        }
        case IN_SIGHASH_TYPE -> {
          kv.requireKeyLength(1, field);
          if (!Arrays.equals(kv.value(), new byte[] {Bip143.SIGHASH_ALL, 0, 0, 0})) {
            throw new ChainFormatException(field + ".sighashType", "only SIGHASH_ALL is signed");
          }
        }
        case IN_FINAL_SCRIPTSIG, IN_FINAL_SCRIPTWITNESS ->
            throw new ChainFormatException(field, "input is already finalized");
        default -> {
          // Partial signatures, derivation paths, proprietary and unknown keys: BIP174 lets a
          // signer ignore them; the finalized transaction does not carry them.
        }
      }
    }
    return new PsbtInput(witnessUtxo, previous);
  }

  private record KeyValue(byte[] key, byte[] value) {
    int type() {
      return key[0] & 0xff;
    }

    void requireKeyLength(int length, String field) {
      if (key.length != length) {
        throw new ChainFormatException(
            field, "key type 0x" + Integer.toHexString(type()) + " takes no key data");
      }
    }
  }

  /** One key-value map up to its 0x00 separator; duplicate keys are refused (BIP174). */
  private static List<KeyValue> map(ByteReader r, String field) {
    List<KeyValue> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (true) {
      if (r.atEnd()) {
        throw new ChainFormatException(field, "map ends without its separator");
      }
      byte[] key = r.varBytes();
      if (key.length == 0) {
        return out;
      }
      if (!seen.add(HexFormat.of().formatHex(key))) {
        throw new ChainFormatException(
            field, "duplicate key of type 0x" + Integer.toHexString(key[0] & 0xff));
      }
      out.add(new KeyValue(key, r.varBytes()));
    }
  }

  public BitcoinTransaction unsignedTransaction() {
    return unsigned;
  }

  public List<PsbtInput> inputs() {
    return inputs;
  }

  /**
   * The BIP143 digest of every input, in input order, after checking that each input spends a
   * P2WPKH output of {@code key}; the first input that is not names its index.
   */
  public List<byte[]> sighashes(ECPoint key) {
    byte[] keyHash = BitcoinAddress.keyHash(key);
    byte[] ours = BitcoinAddress.p2wpkhScript(key);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      BitcoinTransaction.Output spent = spentOutput(i);
      byte[] script = spent.scriptPubKey();
      String field = "psbt.inputs[" + i + "]";
      if (script.length != 22 || script[0] != 0 || script[1] != 20) {
        throw new ChainFormatException(field, "not a P2WPKH output; only P2WPKH inputs are signed");
      }
      if (!Arrays.equals(script, ours)) {
        throw new ChainFormatException(field, "spends an output of another key, not this wallet's");
      }
      out.add(Bip143.p2wpkhSighash(unsigned, i, keyHash, spent.value()));
    }
    return out;
  }

  /** Total of the inputs minus total of the outputs; refuses outputs worth more than the inputs. */
  public long fee() {
    long in = 0;
    for (int i = 0; i < inputs.size(); i++) {
      in = Math.addExact(in, spentOutput(i).value());
    }
    long out = 0;
    for (BitcoinTransaction.Output o : unsigned.outputs()) {
      out = Math.addExact(out, o.value());
    }
    if (out > in) {
      throw new ChainFormatException("psbt", "outputs are worth more than the inputs");
    }
    return in - out;
  }

  /**
   * The network transaction with witness {@code [DER(sig) ‖ SIGHASH_ALL, key]} on every input. Each
   * signature must verify against its sighash and {@code key}.
   */
  public FinalizedTransaction finalizeWith(ECPoint key, List<EcdsaSignature> signatures) {
    List<byte[]> digests = sighashes(key);
    fee();
    if (signatures.size() != digests.size()) {
      throw new IllegalArgumentException(
          digests.size() + " inputs, " + signatures.size() + " signatures");
    }
    byte[] pub = key.normalize().getEncoded(true);
    List<BitcoinTransaction.Input> signed = new ArrayList<>();
    for (int i = 0; i < digests.size(); i++) {
      EcdsaSignature sig = signatures.get(i);
      if (!sig.verifies(key, digests.get(i))) {
        throw new IllegalArgumentException("signature " + i + " does not verify for the key");
      }
      byte[] der = DerSignature.encode(sig);
      byte[] withType = Arrays.copyOf(der, der.length + 1);
      withType[der.length] = Bip143.SIGHASH_ALL;
      signed.add(unsigned.inputs().get(i).withWitness(List.of(withType, pub)));
    }
    BitcoinTransaction tx =
        new BitcoinTransaction(unsigned.version(), signed, unsigned.outputs(), unsigned.lockTime());
    return new FinalizedTransaction(tx.serialize(), tx.txid());
  }

  /** The output input {@code i} spends, cross-checked against the previous transaction. */
  private BitcoinTransaction.Output spentOutput(int i) {
    String field = "psbt.inputs[" + i + "]";
    PsbtInput input = inputs.get(i);
    BitcoinTransaction.Input txIn = unsigned.inputs().get(i);
    Optional<BitcoinTransaction.Output> fromPrevious = Optional.empty();
    if (input.previous().isPresent()) {
      BitcoinTransaction prev = input.previous().get();
      if (!Arrays.equals(prev.txidBytes(), txIn.prevTxid())) {
        throw new ChainFormatException(
            field + ".nonWitnessUtxo", "does not hash to the txid the input spends");
      }
      if (txIn.prevIndex() >= prev.outputs().size()) {
        throw new ChainFormatException(field + ".nonWitnessUtxo", "has no output at that index");
      }
      fromPrevious = Optional.of(prev.outputs().get((int) txIn.prevIndex()));
    }
    BitcoinTransaction.Output spent =
        input
            .witnessUtxo()
            .orElseThrow(
                () ->
                    new ChainFormatException(
                        field, "no witness UTXO; P2WPKH inputs need PSBT_IN_WITNESS_UTXO"));
    if (fromPrevious.isPresent()
        && (fromPrevious.get().value() != spent.value()
            || !Arrays.equals(fromPrevious.get().scriptPubKey(), spent.scriptPubKey()))) {
      throw new ChainFormatException(
          field + ".witnessUtxo", "differs from the output in the previous transaction");
    }
    return spent;
  }
}
