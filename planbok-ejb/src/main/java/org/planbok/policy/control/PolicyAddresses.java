package org.planbok.policy.control;

import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.bitcoin.BitcoinAddress;
import org.planbok.wallet.chain.bitcoin.BitcoinNetwork;
import org.planbok.wallet.chain.evm.EvmAddress;
import org.planbok.wallet.chain.near.NearTransaction;
import org.planbok.wallet.chain.tron.TronAddress;

/**
 * One written form per address, so that a policy's list and a parsed payload compare as text: EVM
 * lower-case hex, Bitcoin as {@link BitcoinAddress#ofScript} writes it, Solana base58 of the 32
 * bytes, NEAR the account id, Tron base58check.
 */
final class PolicyAddresses {
  private PolicyAddresses() {}

  static String normalize(Chain chain, String address, String field) {
    try {
      return switch (chain) {
        case ETHEREUM -> evm(EvmAddress.parse(address, field));
        case BITCOIN -> BitcoinAddress.normalize(address, BitcoinNetwork.MAINNET, field);
        case BITCOIN_TESTNET -> BitcoinAddress.normalize(address, BitcoinNetwork.TESTNET, field);
        case SOLANA -> solana(address, field);
        case NEAR -> near(address, field);
        case TRON -> TronAddress.fromAccountId(TronAddress.accountId(address, field));
      };
    } catch (ChainFormatException e) {
      throw PolicyDocument.invalid(field, e.getMessage());
    }
  }

  static String evm(EvmAddress address) {
    return "0x" + java.util.HexFormat.of().formatHex(address.toBytes());
  }

  static String solana(String address, String field) {
    byte[] key;
    try {
      key = Base58.decode(address);
    } catch (RuntimeException e) {
      throw PolicyDocument.invalid(field, "not base58");
    }
    if (key.length != 32) {
      throw PolicyDocument.invalid(field, "a Solana address is 32 bytes in base58");
    }
    return Base58.encode(key);
  }

  private static String near(String account, String field) {
    if (!NearTransaction.isAccountId(account)) {
      throw PolicyDocument.invalid(field, "not a valid NEAR account id");
    }
    return account;
  }
}
