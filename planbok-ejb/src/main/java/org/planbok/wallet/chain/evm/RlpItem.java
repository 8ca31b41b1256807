package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.List;
import org.planbok.wallet.chain.ChainFormatException;

/** A decoded RLP item: a byte string or a list of items (Ethereum Yellow Paper, appendix B). */
public sealed interface RlpItem {

  /** A byte string. */
  record Bytes(byte[] value) implements RlpItem {
    public Bytes {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    public int length() {
      return value.length;
    }

    /**
     * The string as an unsigned big-endian integer of at most {@code maxBytes} bytes. RLP writes
     * integers without leading zeros (zero is the empty string), so a leading zero is refused.
     */
    public BigInteger unsigned(String field, int maxBytes) {
      if (value.length > maxBytes) {
        throw new ChainFormatException(field, "integer longer than " + maxBytes + " bytes");
      }
      if (value.length > 0 && value[0] == 0) {
        throw new ChainFormatException(field, "integer with a leading zero byte");
      }
      return new BigInteger(1, value);
    }
  }

  /** A list of items. */
  record Items(List<RlpItem> items) implements RlpItem {
    public Items {
      items = List.copyOf(items);
    }

    public int size() {
      return items.size();
    }

    public RlpItem get(int i) {
      return items.get(i);
    }
  }

  static Bytes bytes(RlpItem item, String field) {
    if (item instanceof Bytes b) {
      return b;
    }
    throw new ChainFormatException(field, "expected a byte string, found a list");
  }

  static Items list(RlpItem item, String field) {
    if (item instanceof Items l) {
      return l;
    }
    throw new ChainFormatException(field, "expected a list, found a byte string");
  }
}
