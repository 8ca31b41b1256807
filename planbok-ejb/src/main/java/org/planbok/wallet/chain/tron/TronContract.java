package org.planbok.wallet.chain.tron;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The one contract of a Tron transaction we sign, as a signing policy reads it: who pays ({@link
 * #owner()}, always the wallet), who receives TRX or is called ({@link #recipient()}) and how many
 * sun (10⁻⁶ TRX) leave the owner with it ({@link #sun()}). Addresses are Base58Check ({@code T…}).
 */
public sealed interface TronContract {
  String owner();

  /** The TRX recipient of a transfer, the contract of a call. */
  String recipient();

  /** The amount of a transfer, the {@code call_value} of a call; never negative. */
  long sun();

  /** {@code TransferContract} (type 1): {@code amount} sun from owner to {@code to}. */
  record Transfer(String owner, String to, long amount) implements TronContract {
    @Override
    public String recipient() {
      return to;
    }

    @Override
    public long sun() {
      return amount;
    }
  }

  /**
   * {@code TriggerSmartContract} (type 31): a call of {@code contract} with {@code data}, paying
   * {@code callValue} sun and {@code callTokenValue} of the TRC-10 token {@code tokenId} (0 when
   * none). {@link #tokenTransfer()} is the TRC-20 transfer the data encodes, if it is one.
   */
  record Call(
      String owner,
      String contract,
      long callValue,
      byte[] data,
      long callTokenValue,
      long tokenId,
      Optional<Trc20Transfer> tokenTransfer)
      implements TronContract {
    public Call {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public String recipient() {
      return contract;
    }

    // A record compares arrays by identity; two calls with the same data are the same call.
    @Override
    public boolean equals(Object o) {
      return o instanceof Call c
          && owner.equals(c.owner)
          && contract.equals(c.contract)
          && callValue == c.callValue
          && Arrays.equals(data, c.data)
          && callTokenValue == c.callTokenValue
          && tokenId == c.tokenId
          && tokenTransfer.equals(c.tokenTransfer);
    }

    @Override
    public int hashCode() {
      return Objects.hash(owner, contract, callValue, Arrays.hashCode(data), tokenId);
    }

    @Override
    public String toString() {
      return "Call[owner=%s, contract=%s, callValue=%d, data=%s, callTokenValue=%d, tokenId=%d, %s]"
          .formatted(
              owner,
              contract,
              callValue,
              HexFormat.of().formatHex(data),
              callTokenValue,
              tokenId,
              tokenTransfer);
    }

    @Override
    public long sun() {
      return callValue;
    }
  }
}
