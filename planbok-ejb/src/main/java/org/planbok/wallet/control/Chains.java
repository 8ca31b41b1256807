package org.planbok.wallet.control;

import java.util.Locale;
import java.util.Optional;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;

/**
 * The names the API gives chains and address formats: lowercase words ({@code ethereum}, {@code
 * bitcoin-testnet}; {@code eip55}, {@code p2wpkh}, {@code p2pkh}, {@code tron}, {@code solana},
 * {@code near}).
 */
public final class Chains {
  private Chains() {}

  public static String name(Chain chain) {
    return chain.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Chain> chain(String name) {
    for (Chain c : Chain.values()) {
      if (name(c).equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public static String name(AddressFormat format) {
    return switch (format) {
      case EIP55 -> "eip55";
      case P2WPKH -> "p2wpkh";
      case P2PKH -> "p2pkh";
      case TRON_BASE58 -> "tron";
      case SOLANA_BASE58 -> "solana";
      case NEAR_IMPLICIT -> "near";
    };
  }

  public static Optional<AddressFormat> format(String name) {
    for (AddressFormat f : AddressFormat.values()) {
      if (name(f).equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
