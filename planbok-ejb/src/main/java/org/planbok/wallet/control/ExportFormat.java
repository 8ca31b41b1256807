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
 *   <li>{@code solana-keypair}, {@code solana-keypair-json}, {@code near-keypair} (issue 13): the
 *       32-byte <em>seed</em> of a key made from a joint seed, exported at its root (wallet index
 *       0), with its public key: base58 of {@code seed ‖ A} (Phantom's "Import private key"), the
 *       Solana CLI's keypair file (a JSON array of those 64 bytes), and {@code ed25519:} + base58
 *       (near-cli, MyNearWallet). Derived wallets (index 1 and up) have no seed.
 * </ul>
 */
public enum ExportFormat {
  HEX("hex", Curve.SECP256K1),
  WIF("wif", Curve.SECP256K1),
  ED25519_EXPANDED("ed25519-expanded", Curve.ED25519),
  ED25519_SCALAR("ed25519-scalar", Curve.ED25519),
  SOLANA_KEYPAIR("solana-keypair", Curve.ED25519),
  SOLANA_KEYPAIR_JSON("solana-keypair-json", Curve.ED25519),
  NEAR_KEYPAIR("near-keypair", Curve.ED25519);

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
    if (!fits(chain)) {
      throw WalletExports.badFormat(this, chain);
    }
  }

  /** Whether this form is the key's seed (only a seed key's wallet at index 0 has one). */
  boolean needsSeed() {
    return this == SOLANA_KEYPAIR || this == SOLANA_KEYPAIR_JSON || this == NEAR_KEYPAIR;
  }

  private boolean fits(Chain chain) {
    return switch (this) {
      case WIF -> chain == Chain.BITCOIN || chain == Chain.BITCOIN_TESTNET;
      case SOLANA_KEYPAIR, SOLANA_KEYPAIR_JSON -> chain == Chain.SOLANA;
      case NEAR_KEYPAIR -> chain == Chain.NEAR;
      default -> curve == chain.curve();
    };
  }

  static String namesFor(Chain chain) {
    return Arrays.stream(values())
        .filter(f -> f.fits(chain))
        .map(ExportFormat::label)
        .collect(Collectors.joining(", "));
  }
}
