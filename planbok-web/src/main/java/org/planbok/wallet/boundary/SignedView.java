package org.planbok.wallet.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * What a signature request returns; only the members of its type are present:
 *
 * <ul>
 *   <li>digest: {@code signature} (hex; secp256k1 {@code r ‖ s}, ed25519 64 bytes), {@code
 *       recoveryId} (secp256k1), {@code publicKey}
 *   <li>personal_sign, typed_data: {@code signature} (0x, 65 bytes {@code r ‖ s ‖ v}, v = 27 +
 *       recovery id), {@code digest}, {@code address}
 *   <li>transaction (ethereum): {@code rawTransaction} and {@code hash} (0x hex)
 *   <li>psbt: {@code transaction} (hex, finalized) and {@code txid}
 *   <li>transaction (solana): {@code transaction} (base64 wire), {@code transactionBase58}, {@code
 *       signature} (Base58)
 *   <li>transaction (near): {@code signedTransaction} (base64) and {@code hash} (Base58)
 *   <li>transaction (tron): {@code transaction} (hex of the signed {@code Transaction}, for {@code
 *       /wallet/broadcasthex}), {@code txid} (hex), {@code signature} (hex, 65 bytes {@code r ‖ s ‖
 *       v}, v = 27 + recovery id, as TronWeb puts it into {@code signature[0]}), {@code address}
 * </ul>
 */
@JsonbPropertyOrder({
  "type",
  "signature",
  "recoveryId",
  "digest",
  "address",
  "publicKey",
  "rawTransaction",
  "transaction",
  "transactionBase58",
  "signedTransaction",
  "hash",
  "txid"
})
public record SignedView(
    String type,
    String signature,
    Integer recoveryId,
    String digest,
    String address,
    String publicKey,
    String rawTransaction,
    String transaction,
    String transactionBase58,
    String signedTransaction,
    String hash,
    String txid) {
  static SignedView empty(String type) {
    return new SignedView(type, null, null, null, null, null, null, null, null, null, null, null);
  }
}
