package org.planbok.wallet.chain.bitcoin;

/** Network constants: the bech32 human-readable part and the Base58Check version bytes. */
public enum BitcoinNetwork {
  MAINNET("bc", 0x00, 0x80),
  TESTNET("tb", 0x6f, 0xef);

  private final String hrp;
  private final int p2pkhVersion;
  private final int wifVersion;

  BitcoinNetwork(String hrp, int p2pkhVersion, int wifVersion) {
    this.hrp = hrp;
    this.p2pkhVersion = p2pkhVersion;
    this.wifVersion = wifVersion;
  }

  /** BIP173 human-readable part. */
  public String hrp() {
    return hrp;
  }

  int p2pkhVersion() {
    return p2pkhVersion;
  }

  int wifVersion() {
    return wifVersion;
  }
}
