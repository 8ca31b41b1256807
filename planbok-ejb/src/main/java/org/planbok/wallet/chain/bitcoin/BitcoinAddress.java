package org.planbok.wallet.chain.bitcoin;

import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * Bitcoin addresses of a compressed secp256k1 key. Only compressed keys: a P2WPKH output with an
 * uncompressed key is unspendable (BIP143 §Restrictions on public key type).
 */
public final class BitcoinAddress {
  private BitcoinAddress() {}

  /** Native SegWit v0: bech32 of HASH160(compressed key) (BIP141, BIP173). */
  public static String p2wpkh(ECPoint publicKey, BitcoinNetwork network) {
    return Bech32.encode(network.hrp(), 0, keyHash(publicKey));
  }

  /** Legacy: Base58Check of version ‖ HASH160(compressed key). */
  public static String p2pkh(ECPoint publicKey, BitcoinNetwork network) {
    byte[] payload = new byte[21];
    payload[0] = (byte) network.p2pkhVersion();
    System.arraycopy(keyHash(publicKey), 0, payload, 1, 20);
    return Base58.encodeChecked(payload);
  }

  /** The P2WPKH output script {@code OP_0 <20-byte key hash>}. */
  public static byte[] p2wpkhScript(ECPoint publicKey) {
    return new Bech32.WitnessProgram(0, keyHash(publicKey)).scriptPubKey();
  }

  /** HASH160 of the 33-byte compressed key. */
  public static byte[] keyHash(ECPoint publicKey) {
    if (publicKey == null || publicKey.isInfinity()) {
      throw new ChainFormatException("publicKey", "not a secp256k1 public key");
    }
    return Hashes.hash160(publicKey.normalize().getEncoded(true));
  }
}
