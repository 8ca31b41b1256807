package org.planbok.wallet.chain.tron;

import java.util.HexFormat;

/**
 * A signed Tron transaction: its id, the 65-byte signature {@code r ‖ s ‖ v} that goes into {@code
 * signature[0]} of TronWeb's JSON, and the {@code Transaction} protobuf bytes that {@code
 * /wallet/broadcasthex} takes.
 */
public record SignedTronTransaction(byte[] txid, byte[] signature, byte[] transaction) {
  public SignedTronTransaction {
    txid = txid.clone();
    signature = signature.clone();
    transaction = transaction.clone();
  }

  @Override
  public byte[] txid() {
    return txid.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] transaction() {
    return transaction.clone();
  }

  /** The txid as Tron shows it: 64 hex digits, no {@code 0x}. */
  public String txidHex() {
    return HexFormat.of().formatHex(txid);
  }

  public String signatureHex() {
    return HexFormat.of().formatHex(signature);
  }

  public String transactionHex() {
    return HexFormat.of().formatHex(transaction);
  }
}
