package org.planbok.wallet.chain.evm;

import java.util.HexFormat;
import org.planbok.wallet.chain.Hashes;

/** A signed raw transaction, ready for {@code eth_sendRawTransaction}, and its hash. */
public record SignedEvmTransaction(byte[] raw) {
  public SignedEvmTransaction {
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** {@code 0x}-prefixed hex of the raw transaction. */
  public String rawHex() {
    return "0x" + HexFormat.of().formatHex(raw);
  }

  /** The transaction hash, Keccak-256 of the raw bytes (typed: including the type byte). */
  public String hashHex() {
    return "0x" + HexFormat.of().formatHex(Hashes.keccak256(raw));
  }
}
