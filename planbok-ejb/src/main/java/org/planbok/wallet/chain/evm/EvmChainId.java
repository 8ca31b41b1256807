package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * An EIP-155 chain id (1 Ethereum, 137 Polygon, 11155111 Sepolia …). Bounded as EIP-2294 proposes
 * so that a legacy {@code v = recid + 35 + 2·chainId} fits 64 bits.
 */
public record EvmChainId(long value) {
  public static final long MAX = (Long.MAX_VALUE - 36) / 2;

  public EvmChainId {
    if (value < 1 || value > MAX) {
      throw new ChainFormatException("chainId", "chain id must be between 1 and " + MAX);
    }
  }

  public BigInteger toBigInteger() {
    return BigInteger.valueOf(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
