package org.planbok.wallet.chain.evm;

import java.nio.charset.StandardCharsets;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * EIP-191 version 0x45 ({@code personal_sign}, {@code eth_sign} in geth): the digest is
 * Keccak-256("\x19Ethereum Signed Message:\n" ‖ decimal length ‖ message). The prefix keeps a
 * signed message from ever being a valid transaction.
 */
public final class PersonalMessage {
  /** Larger messages are refused; wallets show these to people, nobody reads a megabyte. */
  public static final int MAX_BYTES = 64 * 1024;

  private PersonalMessage() {}

  public static byte[] digest(byte[] message) {
    if (message == null) {
      throw new ChainFormatException("message", "missing");
    }
    if (message.length > MAX_BYTES) {
      throw new ChainFormatException("message", "longer than " + MAX_BYTES + " bytes");
    }
    byte[] prefix =
        ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.UTF_8);
    return Hashes.keccak256(prefix, message);
  }
}
