package org.planbok.wallet.chain.tron;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * A TRC-20 {@code transfer(address,uint256)} call read from a TriggerSmartContract's {@code data}:
 * the token's recipient and the amount in the token's smallest unit. TRC-20 is ERC-20 on the TVM,
 * so the call data is Solidity's ABI: the selector (first four bytes of Keccak-256 of the
 * signature) and two 32-byte words. The address word must hold nothing above its 20-byte account id
 * but an optional {@code 0x41} right above it: a contract compiled with ABI coder v1 (as USDT on
 * Tron is) silently drops those bits, so anything else there could make the recipient a policy sees
 * differ from the one the contract pays.
 */
public record Trc20Transfer(String to, BigInteger amount) {
  /** {@code transfer(address,uint256)}: Keccak-256 of the signature, first four bytes. */
  static final byte[] SELECTOR = {(byte) 0xa9, 0x05, (byte) 0x9c, (byte) 0xbb};

  private static final int WORD = 32;

  /** The transfer {@code data} encodes, or empty when it calls another function. */
  static Optional<Trc20Transfer> read(byte[] data, String field) {
    if (data.length < 4 || !Arrays.equals(data, 0, 4, SELECTOR, 0, 4)) {
      return Optional.empty();
    }
    if (data.length != 4 + 2 * WORD) {
      throw new ChainFormatException(
          field, "transfer(address,uint256) takes exactly two 32-byte words");
    }
    // Zeros above the account id, or the 21-byte address with its 0x41 that Tron tools also write
    // (the contract drops it, or reverts under ABI coder v2): the same recipient either way.
    int top = 4 + WORD - 21;
    boolean tronForm = (data[top] & 0xff) == TronAddress.PREFIX;
    for (int i = 4; i < 4 + WORD - 20; i++) {
      if (data[i] != 0 && !(tronForm && i == top)) {
        throw new ChainFormatException(
            field, "transfer(address,uint256): the address word has bits above 20 bytes");
      }
    }
    byte[] account = Arrays.copyOfRange(data, 4 + WORD - 20, 4 + WORD);
    BigInteger amount = new BigInteger(1, Arrays.copyOfRange(data, 4 + WORD, 4 + 2 * WORD));
    return Optional.of(new Trc20Transfer(TronAddress.fromAccountId(account), amount));
  }
}
