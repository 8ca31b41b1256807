package org.planbok.wallet.chain.tron;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.evm.EvmAddress;

/**
 * A Tron address: Base58Check of {@code 0x41 ‖ last 20 bytes of Keccak-256(X ‖ Y)}, the same 20
 * bytes as the EVM address of the key, so it starts with {@code T}.
 */
public final class TronAddress {
  public static final int PREFIX = 0x41;

  private TronAddress() {}

  public static String fromPublicKey(ECPoint publicKey) {
    return fromAccountId(EvmAddress.fromPublicKey(publicKey).toBytes());
  }

  /** The address of a 20-byte account id. */
  public static String fromAccountId(byte[] accountId) {
    if (accountId.length != 20) {
      throw new ChainFormatException("address", "a Tron account id is 20 bytes");
    }
    byte[] payload = new byte[21];
    payload[0] = (byte) PREFIX;
    System.arraycopy(accountId, 0, payload, 1, 20);
    return Base58.encodeChecked(payload);
  }

  /** The 20-byte account id of a {@code T…} address; refuses bad checksums and prefixes. */
  public static byte[] accountId(String address, String field) {
    byte[] payload;
    try {
      payload = Base58.decodeChecked(address);
    } catch (IllegalArgumentException e) {
      throw new ChainFormatException(field, "not a Base58Check string: " + e.getMessage());
    }
    if (payload.length != 21 || (payload[0] & 0xff) != PREFIX) {
      throw new ChainFormatException(field, "not a Tron address (0x41 and 20 bytes)");
    }
    return Arrays.copyOfRange(payload, 1, 21);
  }
}
