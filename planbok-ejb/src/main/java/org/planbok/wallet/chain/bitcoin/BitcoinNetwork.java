package org.planbok.wallet.chain.bitcoin;

/** Network constants: the bech32 human-readable part and the Base58Check version bytes. */
public enum BitcoinNetwork {
  MAINNET("bc", 0x00, 0x05, 0x80),
  TESTNET("tb", 0x6f, 0xc4, 0xef);

  private final String hrp;
  private final int p2pkhVersion;
  private final int p2shVersion;
  private final int wifVersion;

  BitcoinNetwork(String hrp, int p2pkhVersion, int p2shVersion, int wifVersion) {
    this.hrp = hrp;
    this.p2pkhVersion = p2pkhVersion;
    this.p2shVersion = p2shVersion;
    this.wifVersion = wifVersion;
  }

  /** BIP173 human-readable part. */
  public String hrp() {
    return hrp;
  }

  int p2pkhVersion() {
    return p2pkhVersion;
  }

  int p2shVersion() {
    return p2shVersion;
  }

  int wifVersion() {
    return wifVersion;
  }
}
