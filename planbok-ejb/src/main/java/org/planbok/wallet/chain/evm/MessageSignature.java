package org.planbok.wallet.chain.evm;

import java.util.HexFormat;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * The 65-byte {@code r ‖ s ‖ v} signature that {@code personal_sign} and {@code
 * eth_signTypedData_v4} return, with {@code v = 27 + recovery id} as {@code ecrecover} expects.
 */
public record MessageSignature(byte[] digest, byte[] signature) {
  public MessageSignature {
    digest = digest.clone();
    signature = signature.clone();
  }

  /** Builds the signature over {@code digest}; only recovery ids 0 and 1 exist on Ethereum. */
  public static MessageSignature of(byte[] digest, EcdsaSignature sig) {
    if (sig.recoveryId() > 1) {
      throw new ChainFormatException("signature", "recovery id above 1 has no Ethereum v");
    }
    byte[] rsv = sig.rsv();
    rsv[64] = (byte) (27 + sig.recoveryId());
    return new MessageSignature(digest, rsv);
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** {@code 0x}-prefixed hex, as JSON-RPC wallets return it. */
  public String signatureHex() {
    return "0x" + HexFormat.of().formatHex(signature);
  }
}
