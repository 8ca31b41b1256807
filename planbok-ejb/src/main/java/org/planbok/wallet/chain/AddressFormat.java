package org.planbok.wallet.chain;

/** How an address is written, and the BIP43 purpose its secp256k1 path starts with. */
public enum AddressFormat {
  /** Ethereum and EVM chains: 0x and 40 hex digits with the EIP-55 checksum. */
  EIP55(44),
  /** Bitcoin native SegWit v0 pay-to-witness-public-key-hash, bech32 (BIP141, BIP173). */
  P2WPKH(84),
  /** Bitcoin pay-to-public-key-hash, Base58Check. */
  P2PKH(44),
  /** Tron: Base58Check of 0x41 ‖ the 20-byte Keccak-derived account id. */
  TRON_BASE58(44),
  /** Solana: the 32-byte ed25519 public key in Base58. */
  SOLANA_BASE58(0),
  /** NEAR implicit account: the 32-byte ed25519 public key in lowercase hex. */
  NEAR_IMPLICIT(0);

  private final int purpose;

  AddressFormat(int purpose) {
    this.purpose = purpose;
  }

  /** BIP43 purpose (44 or 84); 0 for ed25519 formats, whose path has one level. */
  public int purpose() {
    return purpose;
  }
}
