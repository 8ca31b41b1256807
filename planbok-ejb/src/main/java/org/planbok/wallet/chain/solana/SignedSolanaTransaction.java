package org.planbok.wallet.chain.solana;

import java.util.Base64;
import org.planbok.mpc.hd.Base58;

/**
 * A signed Solana transaction in wire form; {@code signature} is our signature in Base58, which is
 * the transaction id when we are the fee payer.
 */
public record SignedSolanaTransaction(byte[] raw, String signature) {
  public SignedSolanaTransaction {
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** For {@code sendTransaction} with {@code encoding: base64}. */
  public String base64() {
    return Base64.getEncoder().encodeToString(raw);
  }

  /** The legacy {@code sendTransaction} encoding. */
  public String base58() {
    return Base58.encode(raw);
  }
}
