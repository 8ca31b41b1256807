package org.planbok.wallet.chain;

import java.util.List;
import org.planbok.keys.entity.Curve;
import org.planbok.mpc.hd.DerivationPath;

/**
 * The chains a Planbok wallet can hold, with the curve each uses and where its keys sit below the
 * customer's joint key.
 *
 * <p><b>Derivation paths.</b> Every path is relative to the joint root key made by the DKG and is
 * entirely non-hardened (DESIGN §4): hardened steps need the parent private key, which neither node
 * has. The paths borrow the BIP44/BIP84 layout ({@code purpose/coin/account/change/index}) so they
 * read familiarly, but they are not the hardened paths of a seed wallet and a seed wallet will not
 * find these keys:
 *
 * <table>
 *   <caption>Paths below the joint key; i is the wallet index</caption>
 *   <tr><th>chain</th><th>curve</th><th>path</th></tr>
 *   <tr><td>{@link #ETHEREUM} and every EVM chain</td><td>secp256k1</td><td>m/44/60/0/0/i</td></tr>
 *   <tr><td>{@link #BITCOIN} P2WPKH (default)</td><td>secp256k1</td><td>m/84/0/0/0/i</td></tr>
 *   <tr><td>{@link #BITCOIN} P2PKH</td><td>secp256k1</td><td>m/44/0/0/0/i</td></tr>
 *   <tr><td>{@link #BITCOIN_TESTNET} P2WPKH (default)</td><td>secp256k1</td><td>m/84/1/0/0/i</td></tr>
 *   <tr><td>{@link #BITCOIN_TESTNET} P2PKH</td><td>secp256k1</td><td>m/44/1/0/0/i</td></tr>
 *   <tr><td>{@link #TRON}</td><td>secp256k1</td><td>m/44/195/0/0/i</td></tr>
 *   <tr><td>{@link #SOLANA}, {@link #NEAR}</td><td>ed25519</td><td>m for 0, m/i (one level)</td></tr>
 * </table>
 *
 * <p>secp256k1 paths use BIP32 CKDpub ({@link org.planbok.mpc.hd.Bip32}) from the joint {@code (Q,
 * cc)}. ed25519 has no public derivation standard, so index i ≥ 1 is Planbok's one-level additive
 * derivation {@code A_i = A + t_i·B} ({@link org.planbok.mpc.hd.Ed25519Derivation}) and index 0 is
 * the key A itself, the one key with a seed to export (issue 13); the Solana wallet i and the NEAR
 * wallet i are the same key, as the EVM chains share one address. An EVM chain (Polygon, Arbitrum,
 * BNB Chain …) is not a separate {@code Chain}: the address is the same and the EIP-155 chain id
 * travels with each transaction.
 */
public enum Chain {
  ETHEREUM(Curve.SECP256K1, 60, List.of(AddressFormat.EIP55)),
  BITCOIN(Curve.SECP256K1, 0, List.of(AddressFormat.P2WPKH, AddressFormat.P2PKH)),
  BITCOIN_TESTNET(Curve.SECP256K1, 1, List.of(AddressFormat.P2WPKH, AddressFormat.P2PKH)),
  TRON(Curve.SECP256K1, 195, List.of(AddressFormat.TRON_BASE58)),
  SOLANA(Curve.ED25519, 501, List.of(AddressFormat.SOLANA_BASE58)),
  NEAR(Curve.ED25519, 397, List.of(AddressFormat.NEAR_IMPLICIT));

  private final Curve curve;
  private final int coinType;
  private final List<AddressFormat> formats;

  Chain(Curve curve, int coinType, List<AddressFormat> formats) {
    this.curve = curve;
    this.coinType = coinType;
    this.formats = formats;
  }

  public Curve curve() {
    return curve;
  }

  /** The SLIP-0044 coin type, used non-hardened in the path. */
  public int coinType() {
    return coinType;
  }

  /** The address formats of this chain, the default first. */
  public List<AddressFormat> formats() {
    return formats;
  }

  public AddressFormat defaultFormat() {
    return formats.get(0);
  }

  /** The path of wallet {@code index} in the default format. */
  public DerivationPath path(int index) {
    return path(defaultFormat(), index);
  }

  /**
   * The path of wallet {@code index} in {@code format}: {@code m/purpose/coin/0/0/index} for
   * secp256k1 chains; for ed25519 chains {@code m} (the key itself) for wallet 0 and {@code
   * m/index} (Planbok's one-level derivation) for the others.
   */
  public DerivationPath path(AddressFormat format, int index) {
    if (!formats.contains(format)) {
      throw new ChainFormatException("format", format + " is not an address format of " + this);
    }
    if (index < 0) {
      throw new ChainFormatException("index", "a wallet index is between 0 and 2^31 - 1");
    }
    if (curve == Curve.ED25519) {
      // Wallet 0 is the key itself, so that a key made from a seed exports that seed (issue 13).
      return index == 0 ? DerivationPath.root() : DerivationPath.of(index);
    }
    return DerivationPath.of(format.purpose(), coinType, 0, 0, index);
  }
}
