package org.planbok.wallet.chain.evm;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * A 20-byte Ethereum account address: the last 20 bytes of Keccak-256 of the uncompressed public
 * key without its 0x04 prefix (Yellow Paper §7), written with the EIP-55 mixed-case checksum.
 */
public final class EvmAddress {
  public static final int LENGTH = 20;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private EvmAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  public static EvmAddress of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new ChainFormatException("address", "an EVM address is 20 bytes");
    }
    return new EvmAddress(bytes.clone());
  }

  /** The address of a secp256k1 public key. */
  public static EvmAddress fromPublicKey(ECPoint publicKey) {
    return new EvmAddress(Arrays.copyOfRange(publicKeyHash(publicKey), 12, 32));
  }

  /** Keccak-256 of the 64-byte uncompressed key X ‖ Y, which Tron addresses use too. */
  public static byte[] publicKeyHash(ECPoint publicKey) {
    if (publicKey == null || publicKey.isInfinity()) {
      throw new ChainFormatException("publicKey", "not a secp256k1 public key");
    }
    byte[] uncompressed = publicKey.normalize().getEncoded(false);
    return Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, 65));
  }

  /**
   * Parses {@code 0x…} hex. All-lowercase and all-uppercase are accepted as unchecked; a mixed-case
   * address must carry a valid EIP-55 checksum, since mixed case claims one.
   */
  public static EvmAddress parse(String text, String field) {
    if (text == null || !text.matches("0x[0-9a-fA-F]{40}")) {
      throw new ChainFormatException(field, "an address is 0x followed by 40 hex digits");
    }
    String hex = text.substring(2);
    EvmAddress address = new EvmAddress(HEX.parseHex(hex.toLowerCase()));
    boolean mixed = !hex.equals(hex.toLowerCase()) && !hex.equals(hex.toUpperCase());
    if (mixed && !address.toString().equals(text)) {
      throw new ChainFormatException(field, "mixed-case address with a wrong EIP-55 checksum");
    }
    return address;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * EIP-55: hex digit i is upper-cased when nibble i of Keccak-256(lowercase hex ASCII) is 8 or
   * more.
   */
  @Override
  public String toString() {
    String hex = HEX.formatHex(bytes);
    byte[] hash = Hashes.keccak256(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder("0x");
    for (int i = 0; i < hex.length(); i++) {
      int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      char c = hex.charAt(i);
      out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvmAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
