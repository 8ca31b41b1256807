package org.planbok.it;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bitcoinj.core.Coin;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.core.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionOutPoint;

/**
 * Unsigned payloads built the way each chain's own tooling lays them out (bitcoinj for the
 * transaction inside a BIP174 PSBT, the Solana legacy message format, NEAR's borsh transaction),
 * written here byte by byte rather than with Planbok's parsers.
 */
final class ChainPayloads {
  private ChainPayloads() {}

  /** A PSBT v0 spending {@code amounts} from outputs with {@code script} to a fresh address. */
  static byte[] psbt(NetworkParameters params, byte[] script, long... amounts) {
    Transaction tx = new Transaction(params);
    long total = 0;
    for (int i = 0; i < amounts.length; i++) {
      tx.addInput(
          new TransactionInput(
              params,
              tx,
              new byte[0],
              new TransactionOutPoint(params, i, Sha256Hash.of(new byte[] {(byte) i, 7}))));
      total += amounts[i];
    }
    tx.addOutput(Coin.valueOf(total - 1_000), SegwitAddress.fromKey(params, new ECKey()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
    entry(out, new byte[] {0}, tx.bitcoinSerialize());
    out.write(0);
    for (long amount : amounts) {
      ByteArrayOutputStream utxo = new ByteArrayOutputStream();
      utxo.writeBytes(
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(amount).array());
      varBytes(utxo, script);
      entry(out, new byte[] {1}, utxo.toByteArray());
      out.write(0);
    }
    out.write(0);
    return out.toByteArray();
  }

  /** A Solana legacy message: we pay and sign, transferring lamports to {@code to}. */
  static byte[] solanaTransfer(byte[] from, byte[] to, long lamports) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(1); // required signatures
    m.write(0); // read-only signed accounts
    m.write(1); // read-only unsigned accounts (the system program)
    m.write(3);
    m.writeBytes(from);
    m.writeBytes(to);
    m.writeBytes(new byte[32]); // the system program, 11111111111111111111111111111111
    m.writeBytes(Sha256Hash.hash("recent blockhash".getBytes(StandardCharsets.US_ASCII)));
    m.write(1); // one instruction
    m.write(2); // program index
    m.write(2);
    m.write(0);
    m.write(1);
    byte[] data =
        ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(2).putLong(lamports).array();
    m.write(data.length);
    m.writeBytes(data);
    return m.toByteArray();
  }

  /** A NEAR transaction from our implicit account with one Transfer action. */
  static byte[] nearTransfer(String signerId, byte[] publicKey, String receiverId) {
    ByteArrayOutputStream t = new ByteArrayOutputStream();
    string(t, signerId);
    t.write(0); // ed25519
    t.writeBytes(publicKey);
    t.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(7).array());
    string(t, receiverId);
    t.writeBytes(Sha256Hash.hash("block".getBytes(StandardCharsets.US_ASCII)));
    t.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array());
    t.write(3); // Transfer
    byte[] deposit = new byte[16];
    deposit[0] = 1;
    t.writeBytes(deposit);
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

  static List<Long> amounts(long... a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
