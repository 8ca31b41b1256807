package org.planbok.wallet.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;

/**
 * The body of {@code POST …/wallets/{id}/signatures}: the secret, the {@code type} of payload, and
 * the one payload field that type takes.
 */
@Schema(name = "SignPayload", description = "What to sign with the wallet, and the PIN's proof")
public class SignPayload {
  @NotNull
  @Pattern(regexp = SecretFields.PATTERN, message = ClientSecret.RULE)
  @Schema(
      description =
          "HMAC-SHA256(pinKey, \"planbok/v1/encrypted-secret\"), pinKey = Argon2id(PIN, clientSalt): 32 bytes as unpadded base64url",
      example = "q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK")
  private String encryptedSecret;

  @NotNull
  @Schema(
      description =
          "digest (any wallet), personal_sign, typed_data, transaction (ethereum: unsigned"
              + " EIP-1559 or EIP-155 hex; solana: message base64; near: borsh base64; tron:"
              + " Transaction.raw hex, TronWeb's raw_data_hex), psbt (bitcoin P2WPKH)",
      example = "personal_sign")
  private String type;

  @Schema(
      description = "digest: 64 hex digits",
      example = "9c22ff5f21f0b81b113e63f7db6da94fedef11b2119b4088b89664fb9a3cb658")
  private String digest;

  @Schema(description = "personal_sign: the message as text (UTF-8)", example = "Sign in to Acme")
  private String message;

  @Schema(description = "personal_sign: the message as 0x hex bytes, instead of message")
  private String messageHex;

  @Schema(
      description =
          "typed_data: the EIP-712 typed data object (types, primaryType, domain, message)")
  private JsonObject typedData;

  @Schema(
      description =
          "transaction: see type. tron: the protobuf Transaction.raw as hex (raw_data_hex of"
              + " TronWeb and TronGrid), one TransferContract or TriggerSmartContract whose"
              + " owner_address is the wallet, not expired and expiring within 24 hours",
      example = "0x02f86f0180843b9aca00…")
  private String transaction;

  @Schema(
      description = "ethereum transaction (required) and typed_data (optional): the chain id",
      example = "1")
  private Long chainId;

  @Schema(description = "psbt: the PSBT (version 0), base64")
  private String psbt;

  public String getEncryptedSecret() {
    return encryptedSecret;
  }

  public void setEncryptedSecret(String encryptedSecret) {
    this.encryptedSecret = encryptedSecret;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getMessageHex() {
    return messageHex;
  }

  public void setMessageHex(String messageHex) {
    this.messageHex = messageHex;
  }

  public JsonObject getTypedData() {
    return typedData;
  }

  public void setTypedData(JsonObject typedData) {
    this.typedData = typedData;
  }

  public String getTransaction() {
    return transaction;
  }

  public void setTransaction(String transaction) {
    this.transaction = transaction;
  }

  public Long getChainId() {
    return chainId;
  }

  public void setChainId(Long chainId) {
    this.chainId = chainId;
  }

  public String getPsbt() {
    return psbt;
  }

  public void setPsbt(String psbt) {
    this.psbt = psbt;
  }
}
