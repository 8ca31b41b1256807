package org.planbok.wallet.chain.near;

import java.util.HexFormat;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.Ed25519Key;

/**
 * A NEAR implicit account: its id is the lowercase hex of the 32-byte ed25519 public key (64
 * characters); the account exists once it receives tokens, with that key as a full-access key.
 */
public final class NearAccount {
  private NearAccount() {}

  public static String implicitAccountId(Ed25519Key key) {
    return HexFormat.of().formatHex(key.encoded());
  }

  /** The key as NEAR writes it: {@code ed25519:} and the Base58 of the 32 bytes. */
  public static String publicKey(Ed25519Key key) {
    return "ed25519:" + Base58.encode(key.encoded());
  }
}
