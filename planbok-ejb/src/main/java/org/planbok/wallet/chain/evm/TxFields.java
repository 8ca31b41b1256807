package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.Optional;
import org.planbok.wallet.chain.ChainFormatException;

/** Field checks shared by the transaction types; every error names {@code transaction.<field>}. */
final class TxFields {
  static final String PREFIX = "transaction.";

  private TxFields() {}

  static BigInteger uint(RlpItem item, String name, int maxBytes) {
    return RlpItem.bytes(item, PREFIX + name).unsigned(PREFIX + name, maxBytes);
  }

  /** The recipient: 20 bytes, or empty for a contract creation. */
  static Optional<EvmAddress> to(RlpItem item) {
    byte[] to = RlpItem.bytes(item, PREFIX + "to").value();
    if (to.length == 0) {
      return Optional.empty();
    }
    if (to.length != EvmAddress.LENGTH) {
      throw new ChainFormatException(PREFIX + "to", "a recipient is 20 bytes or empty");
    }
    return Optional.of(EvmAddress.of(to));
  }

  static byte[] data(RlpItem item) {
    return RlpItem.bytes(item, PREFIX + "data").value();
  }

  /** EIP-2930 access list: [[address (20 bytes), [storage key (32 bytes), …]], …]. */
  static void accessList(RlpItem item) {
    String field = PREFIX + "accessList";
    RlpItem.Items entries = RlpItem.list(item, field);
    for (int i = 0; i < entries.size(); i++) {
      String at = field + "[" + i + "]";
      RlpItem.Items entry = RlpItem.list(entries.get(i), at);
      if (entry.size() != 2) {
        throw new ChainFormatException(at, "an access list entry is [address, storageKeys]");
      }
      if (RlpItem.bytes(entry.get(0), at + ".address").length() != EvmAddress.LENGTH) {
        throw new ChainFormatException(at + ".address", "an address is 20 bytes");
      }
      RlpItem.Items keys = RlpItem.list(entry.get(1), at + ".storageKeys");
      for (int k = 0; k < keys.size(); k++) {
        String key = at + ".storageKeys[" + k + "]";
        if (RlpItem.bytes(keys.get(k), key).length() != 32) {
          throw new ChainFormatException(key, "a storage key is 32 bytes");
        }
      }
    }
  }

  static void requireChain(BigInteger found, EvmChainId expected) {
    if (!found.equals(expected.toBigInteger())) {
      throw new ChainFormatException(
          PREFIX + "chainId",
          "transaction is for chain " + found + ", the request is for chain " + expected);
    }
  }

  /** Nonces are below 2^64 − 1 (EIP-2681). */
  static BigInteger nonce(RlpItem item) {
    BigInteger nonce = uint(item, "nonce", 8);
    if (nonce.equals(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))) {
      throw new ChainFormatException(PREFIX + "nonce", "nonce must be below 2^64 - 1 (EIP-2681)");
    }
    return nonce;
  }
}
