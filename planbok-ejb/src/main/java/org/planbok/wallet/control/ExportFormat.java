package org.planbok.wallet.control;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.planbok.keys.entity.Curve;
import org.planbok.wallet.chain.Chain;

/**
 * The forms an exported key takes, for the wallet apps that import them (DESIGN §4, "ed25519
 * export, honestly"):
 *
 * <ul>
 *   <li>{@code hex}: secp256k1, {@code 0x} and 64 hex digits; MetaMask and Trust Wallet import it
 *       ("Import account / private key"); the default for Ethereum and Tron.
 *   <li>{@code wif}: secp256k1, Bitcoin Wallet Import Format, compressed; UniSat and Bitcoin Core
 *       import it; the default for Bitcoin.
 *   <li>{@code ed25519-expanded}: the 64-byte expanded secret key {@code scalar (LE) ‖ prefix} in
 *       hex, the default for Solana and NEAR. A key made by two-party key generation has no seed,
 *       so Phantom, {@code solana-keygen} keypair files and MyNearWallet, which import a 32-byte
 *       seed, cannot take it; tools that accept an expanded secret key can sign with it.
 *   <li>{@code ed25519-scalar}: just the 32-byte scalar in hex (little-endian, not clamped).
 * </ul>
 */
public enum ExportFormat {
  HEX("hex", Curve.SECP256K1),
  WIF("wif", Curve.SECP256K1),
  ED25519_EXPANDED("ed25519-expanded", Curve.ED25519),
  ED25519_SCALAR("ed25519-scalar", Curve.ED25519);

  private final String label;
  private final Curve curve;

  ExportFormat(String label, Curve curve) {
    this.label = label;
    this.curve = curve;
  }

  public String label() {
    return label;
  }

  public static Optional<ExportFormat> parse(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
  }

  public static ExportFormat defaultFor(Chain chain) {
    return switch (chain) {
      case BITCOIN, BITCOIN_TESTNET -> WIF;
      case ETHEREUM, TRON -> HEX;
      case SOLANA, NEAR -> ED25519_EXPANDED;
    };
  }

  void requireFor(Chain chain) {
    boolean bitcoin = chain == Chain.BITCOIN || chain == Chain.BITCOIN_TESTNET;
    if (curve != chain.curve() || (this == WIF && !bitcoin)) {
      throw WalletExports.badFormat(this, chain);
    }
  }

  static String namesFor(Chain chain) {
    return Arrays.stream(values())
        .filter(
            f ->
                f.curve == chain.curve()
                    && (f != WIF || chain == Chain.BITCOIN || chain == Chain.BITCOIN_TESTNET))
        .map(ExportFormat::label)
        .collect(Collectors.joining(", "));
  }
}
