package org.planbok.wallet.chain;

import java.util.Objects;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.keys.entity.Curve;
import org.planbok.wallet.chain.bitcoin.BitcoinAddress;
import org.planbok.wallet.chain.bitcoin.BitcoinNetwork;
import org.planbok.wallet.chain.evm.EvmAddress;
import org.planbok.wallet.chain.near.NearAccount;
import org.planbok.wallet.chain.solana.SolanaAddress;
import org.planbok.wallet.chain.tron.TronAddress;

/** The address of a derived public key on one chain, in one of its formats. */
public record WalletAddress(Chain chain, AddressFormat format, String value) {
  public WalletAddress {
    Objects.requireNonNull(chain);
    Objects.requireNonNull(format);
    Objects.requireNonNull(value);
  }

  /** The address of a secp256k1 key (the child key at {@code chain.path(format, i)}). */
  public static WalletAddress of(Chain chain, AddressFormat format, ECPoint publicKey) {
    requireCurve(chain, Curve.SECP256K1);
    chain.path(format, 0); // refuses a format of another chain
    String value =
        switch (format) {
          case EIP55 -> EvmAddress.fromPublicKey(publicKey).toString();
          case P2WPKH -> BitcoinAddress.p2wpkh(publicKey, network(chain));
          case P2PKH -> BitcoinAddress.p2pkh(publicKey, network(chain));
          case TRON_BASE58 -> TronAddress.fromPublicKey(publicKey);
          default -> throw new IllegalStateException(format + " is not a secp256k1 format");
        };
    return new WalletAddress(chain, format, value);
  }

  /** The address of an ed25519 key (the child key at index i). */
  public static WalletAddress of(Chain chain, Ed25519Key publicKey) {
    requireCurve(chain, Curve.ED25519);
    String value =
        chain == Chain.SOLANA
            ? SolanaAddress.of(publicKey)
            : NearAccount.implicitAccountId(publicKey);
    return new WalletAddress(chain, chain.defaultFormat(), value);
  }

  private static BitcoinNetwork network(Chain chain) {
    return chain == Chain.BITCOIN ? BitcoinNetwork.MAINNET : BitcoinNetwork.TESTNET;
  }

  private static void requireCurve(Chain chain, Curve curve) {
    if (chain.curve() != curve) {
      throw new ChainFormatException("chain", chain + " uses " + chain.curve() + " keys");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
