package org.planbok.wallet.chain.bitcoin;

import java.util.HexFormat;

/** A fully signed network transaction ready for {@code sendrawtransaction}, and its txid. */
public record FinalizedTransaction(byte[] raw, String txid) {
  public FinalizedTransaction {
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  public String hex() {
    return HexFormat.of().formatHex(raw);
  }
}
