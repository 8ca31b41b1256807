package org.planbok.wallet.chain.bitcoin;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.planbok.wallet.chain.Hashes;

/**
 * A Bitcoin transaction (version, inputs, outputs, witnesses, lock time), parsed from and written
 * to the network serialization, with the BIP144 witness form when any input has a witness.
 */
public record BitcoinTransaction(
    long version, List<Input> inputs, List<Output> outputs, long lockTime) {

  /** An input: the previous output it spends, its script, sequence and witness stack. */
  public record Input(
      byte[] prevTxid, long prevIndex, byte[] scriptSig, long sequence, List<byte[]> witness) {
    public Input {
      prevTxid = prevTxid.clone();
      scriptSig = scriptSig.clone();
      witness = List.copyOf(witness);
    }

    @Override
    public byte[] prevTxid() {
      return prevTxid.clone();
    }

    @Override
    public byte[] scriptSig() {
      return scriptSig.clone();
    }

    public Input withWitness(List<byte[]> stack) {
      return new Input(prevTxid, prevIndex, scriptSig, sequence, stack);
    }

    /** The outpoint as serialized: txid (internal byte order) ‖ index. */
    byte[] outpoint() {
      return new ByteWriter().bytes(prevTxid).u32(prevIndex).toBytes();
    }
  }

  /** An output: amount in satoshi and locking script. */
  public record Output(long value, byte[] scriptPubKey) {
    public Output {
      scriptPubKey = scriptPubKey.clone();
    }

    @Override
    public byte[] scriptPubKey() {
      return scriptPubKey.clone();
    }

    byte[] serialize() {
      return new ByteWriter().u64(value).varBytes(scriptPubKey).toBytes();
    }
  }

  public BitcoinTransaction {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Parses exactly one transaction filling {@code data}, in either serialization. */
  public static BitcoinTransaction parse(byte[] data, String field) {
    ByteReader r = new ByteReader(data, field);
    long version = r.u32();
    long inputCount = r.compactSize();
    boolean segwit = false;
    if (inputCount == 0) {
      if (r.u8() != 1) {
        throw r.fail("segwit flag must be 1");
      }
      segwit = true;
      inputCount = r.compactSize();
      if (inputCount == 0) {
        throw r.fail("a transaction has at least one input");
      }
    }
    List<Input> inputs = new ArrayList<>();
    for (long i = 0; i < inputCount; i++) {
      inputs.add(new Input(r.bytes(32), r.u32(), r.varBytes(), r.u32(), List.of()));
    }
    long outputCount = r.compactSize();
    List<Output> outputs = new ArrayList<>();
    for (long i = 0; i < outputCount; i++) {
      long value = r.u64();
      if (value < 0 || value > 21_000_000L * 100_000_000L) {
        throw r.fail("output " + i + " amount out of range");
      }
      outputs.add(new Output(value, r.varBytes()));
    }
    if (segwit) {
      boolean any = false;
      for (int i = 0; i < inputs.size(); i++) {
        long items = r.compactSize();
        List<byte[]> stack = new ArrayList<>();
        for (long k = 0; k < items; k++) {
          stack.add(r.varBytes());
        }
        any |= !stack.isEmpty();
        inputs.set(i, inputs.get(i).withWitness(stack));
      }
      if (!any) {
        throw r.fail("segwit serialization without any witness (BIP144)");
      }
    }
    long lockTime = r.u32();
    if (!r.atEnd()) {
      throw r.fail("trailing bytes after the transaction");
    }
    return new BitcoinTransaction(version, inputs, outputs, lockTime);
  }

  public boolean hasWitness() {
    return inputs.stream().anyMatch(i -> !i.witness().isEmpty());
  }

  /** The serialization without witnesses, which the txid hashes. */
  public byte[] serializeWithoutWitness() {
    return serialize(false);
  }

  /** The network serialization (BIP144 when there are witnesses). */
  public byte[] serialize() {
    return serialize(hasWitness());
  }

  private byte[] serialize(boolean witness) {
    ByteWriter w = new ByteWriter().u32(version);
    if (witness) {
      w.bytes(new byte[] {0, 1});
    }
    w.compactSize(inputs.size());
    for (Input in : inputs) {
      w.bytes(in.outpoint()).varBytes(in.scriptSig()).u32(in.sequence());
    }
    w.compactSize(outputs.size());
    outputs.forEach(o -> w.bytes(o.serialize()));
    if (witness) {
      for (Input in : inputs) {
        w.compactSize(in.witness().size());
        in.witness().forEach(w::varBytes);
      }
    }
    return w.u32(lockTime).toBytes();
  }

  /** The txid in internal byte order (double SHA-256 of the witness-free serialization). */
  public byte[] txidBytes() {
    return Hashes.doubleSha256(serializeWithoutWitness());
  }

  /** The txid as explorers show it (byte-reversed hex). */
  public String txid() {
    byte[] id = txidBytes();
    for (int i = 0; i < 16; i++) {
      byte t = id[i];
      id[i] = id[31 - i];
      id[31 - i] = t;
    }
    return HexFormat.of().formatHex(id);
  }
}
