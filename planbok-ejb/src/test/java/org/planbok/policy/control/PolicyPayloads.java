package org.planbok.policy.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.bitcoinj.core.Address;
import org.bitcoinj.core.Coin;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Real unsigned payloads for the policy tests, laid out by each chain's tooling or format (bitcoinj
 * for the transaction inside a BIP174 PSBT, Solana's legacy message, NEAR's borsh transaction),
 * written here rather than with Planbok's parsers.
 */
final class PolicyPayloads {
  private PolicyPayloads() {}

  /** A PSBT v0 spending one output of {@code ownScript} to {@code to} with change back. */
  static byte[] psbt(
      NetworkParameters params, byte[] ownScript, long input, Address to, long pay, long change) {
    Transaction tx = new Transaction(params);
    tx.addInput(
        new TransactionInput(
            params,
            tx,
            new byte[0],
            new TransactionOutPoint(params, 0, Sha256Hash.of(new byte[] {7}))));
    tx.addOutput(Coin.valueOf(pay), to);
    tx.addOutput(Coin.valueOf(change), new org.bitcoinj.script.Script(ownScript));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
    entry(out, new byte[] {0}, tx.bitcoinSerialize());
    out.write(0);
    ByteArrayOutputStream utxo = new ByteArrayOutputStream();
    utxo.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(input).array());
    varBytes(utxo, ownScript);
    entry(out, new byte[] {1}, utxo.toByteArray());
    out.write(0);
    out.write(0);
    out.write(0);
    return out.toByteArray();
  }

  /** An OP_RETURN script, which no address stands for. */
  static byte[] opReturn() {
    return ScriptBuilder.createOpReturnScript("memo".getBytes(StandardCharsets.US_ASCII))
        .getProgram();
  }

  /**
   * A Solana legacy message: {@code from} pays and signs; instruction 0 calls {@code program} (the
   * system program: a transfer of lamports to {@code to}).
   */
  static byte[] solanaTransfer(byte[] from, byte[] to, byte[] program, long lamports) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(1);
    m.write(0);
    m.write(1);
    m.write(3);
    m.writeBytes(from);
    m.writeBytes(to);
    m.writeBytes(program);
    m.writeBytes(Sha256Hash.hash("recent blockhash".getBytes(StandardCharsets.US_ASCII)));
    m.write(1);
    m.write(2);
    m.write(2);
    m.write(0);
    m.write(1);
    byte[] data =
        ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putLong(lamports).array();
    m.write(data.length);
    m.writeBytes(data);
    return m.toByteArray();
  }

  /** A NEAR transaction from {@code signerId} with one Transfer of {@code yocto} (below 2^63). */
  static byte[] nearTransfer(String signerId, byte[] publicKey, String receiverId, long yocto) {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    string(t, signerId);
    t.write(0);
    t.writeBytes(publicKey);
    t.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(7).array());
    string(t, receiverId);
    t.writeBytes(Sha256Hash.hash("block".getBytes(StandardCharsets.US_ASCII)));
    t.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array());
    t.write(3);
    t.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(yocto).array());
    return t.toByteArray();
  }

  private static void string(ByteArrayOutputStream out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
    out.writeBytes(b);
  }

  private static void entry(ByteArrayOutputStream out, byte[] key, byte[] value) {
    varBytes(out, key);
    varBytes(out, value);
  }

  private static void varBytes(ByteArrayOutputStream out, byte[] b) {
    if (b.length < 0xfd) {
      out.write(b.length);
    } else {
      out.write(0xfd);
      out.write(b.length & 0xff);
      out.write(b.length >> 8);
    }
    out.writeBytes(b);
  }
}
