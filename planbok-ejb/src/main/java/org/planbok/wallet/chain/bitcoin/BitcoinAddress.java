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

  /**
   * The address an output script pays, in its standard form (P2PKH and P2SH Base58Check; segwit v0
   * bech32 and v1+ bech32m, lower case), or empty for a script no address stands for (OP_RETURN,
   * bare multisig, anything non-standard).
   */
  public static java.util.Optional<String> ofScript(byte[] script, BitcoinNetwork network) {
    int n = script.length;
    if (n == 25
        && (script[0] & 0xff) == 0x76
        && (script[1] & 0xff) == 0xa9
        && script[2] == 20
        && (script[23] & 0xff) == 0x88
        && (script[24] & 0xff) == 0xac) {
      return java.util.Optional.of(base58(network.p2pkhVersion(), script, 3));
    }
    if (n == 23 && (script[0] & 0xff) == 0xa9 && script[1] == 20 && (script[22] & 0xff) == 0x87) {
      return java.util.Optional.of(base58(network.p2shVersion(), script, 2));
    }
    // Witness program: OP_0 or OP_1..OP_16, then one push of 2 to 40 bytes (BIP141).
    if (n >= 4 && n <= 42 && (script[1] & 0xff) == n - 2) {
      int op = script[0] & 0xff;
      int version = op == 0 ? 0 : op >= 0x51 && op <= 0x60 ? op - 0x50 : -1;
      byte[] program = java.util.Arrays.copyOfRange(script, 2, n);
      if (version == 0 && (program.length == 20 || program.length == 32)
          || version >= 1 && program.length >= 2) {
        return java.util.Optional.of(Bech32.encode(network.hrp(), version, program));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * An address of {@code network} as {@link #ofScript} writes it (bech32 lower-cased), after
   * checking its checksum and version; {@code field} names it in errors.
   */
  public static String normalize(String address, BitcoinNetwork network, String field) {
    if (address == null || address.isEmpty() || address.length() > 90) {
      throw new ChainFormatException(field, "not a Bitcoin address");
    }
    String lower = address.toLowerCase();
    if (lower.startsWith(network.hrp() + "1")) {
      Bech32.WitnessProgram wp = Bech32.decode(network.hrp(), address, field);
      return ofScript(wp.scriptPubKey(), network)
          .orElseThrow(() -> new ChainFormatException(field, "not a standard address"));
    }
    byte[] payload;
    try {
      payload = Base58.decodeChecked(address);
    } catch (RuntimeException e) {
      throw new ChainFormatException(field, "neither bech32 nor Base58Check for this network");
    }
    int version = payload.length == 21 ? payload[0] & 0xff : -1;
    if (version != network.p2pkhVersion() && version != network.p2shVersion()) {
      throw new ChainFormatException(field, "not a P2PKH or P2SH address of this network");
    }
    return Base58.encodeChecked(payload);
  }

  private static String base58(int version, byte[] script, int from) {
    byte[] payload = new byte[21];
    payload[0] = (byte) version;
    System.arraycopy(script, from, payload, 1, 20);
    return Base58.encodeChecked(payload);
  }

  /** HASH160 of the 33-byte compressed key. */
  public static byte[] keyHash(ECPoint publicKey) {
    if (publicKey == null || publicKey.isInfinity()) {
      throw new ChainFormatException("publicKey", "not a secp256k1 public key");
    }
    return Hashes.hash160(publicKey.normalize().getEncoded(true));
  }
}
