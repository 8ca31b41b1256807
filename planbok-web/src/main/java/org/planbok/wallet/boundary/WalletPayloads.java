package org.planbok.wallet.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.wallet.chain.bitcoin.FinalizedTransaction;
import org.planbok.wallet.chain.evm.EvmChainId;
import org.planbok.wallet.chain.evm.MessageSignature;
import org.planbok.wallet.chain.evm.SignedEvmTransaction;
import org.planbok.wallet.chain.solana.SignedSolanaTransaction;
import org.planbok.wallet.chain.tron.SignedTronTransaction;
import org.planbok.wallet.control.WalletSignatures;
import org.planbok.wallet.entity.Wallet;
import org.planbok.web.problem.ProblemException;

/**
 * Reads a signature request's payload for its {@code type} (hex, base64, text or a JSON object; a
 * missing or malformed field is a 400 naming it), hands it to {@link WalletSignatures} and shapes
 * the answer.
 */
@ApplicationScoped
public class WalletPayloads {
  @Inject WalletSignatures signatures;

  SignedView sign(Wallet wallet, ClientSecret secret, SignPayload p) {
    String type = p.getType();
    return switch (type) {
      case "digest" -> digest(wallet, secret, p);
      case "personal_sign" ->
          message(type, wallet, signatures.personalSign(wallet, secret, personalMessage(p)));
      case "typed_data" ->
          message(
              type,
              wallet,
              signatures.typedData(
                  wallet,
                  secret,
                  required(p.getTypedData(), "typedData").toString(),
                  Optional.ofNullable(p.getChainId()).map(WalletPayloads::chainId)));
      case "transaction" -> transaction(wallet, secret, p);
      case "psbt" -> psbt(signatures.psbt(wallet, secret, base64(p.getPsbt(), "psbt")));
      default ->
          throw ProblemException.invalidField(
              "type", "type: digest, personal_sign, typed_data, transaction or psbt");
    };
  }

  private SignedView digest(Wallet wallet, ClientSecret secret, SignPayload p) {
    String hex = required(p.getDigest(), "digest");
    if (!hex.matches("[0-9a-fA-F]{64}")) {
      throw ProblemException.invalidField("digest", "digest: 64 hex digits (32 bytes)");
    }
    WalletSignatures.RawSignature sig =
        signatures.digest(wallet, secret, HexFormat.of().parseHex(hex));
    return new SignedView(
        "digest",
        HexFormat.of().formatHex(sig.signature()),
        sig.recoveryId(),
        null,
        wallet.address(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private SignedView transaction(Wallet wallet, ClientSecret secret, SignPayload p) {
    return switch (wallet.chain()) {
      case ETHEREUM -> {
        SignedEvmTransaction tx =
            signatures.evmTransaction(
                wallet,
                secret,
                hex(p.getTransaction(), "transaction"),
                chainId(required(p.getChainId(), "chainId")));
        yield new SignedView(
            "transaction",
            null,
            null,
            null,
            null,
            null,
            tx.rawHex(),
            null,
            null,
            null,
            tx.hashHex(),
            null);
      }
      case SOLANA -> {
        SignedSolanaTransaction tx =
            signatures.solana(wallet, secret, base64(p.getTransaction(), "transaction"));
        yield new SignedView(
            "transaction",
            tx.signature(),
            null,
            null,
            null,
            null,
            null,
            tx.base64(),
            tx.base58(),
            null,
            null,
            null);
      }
      case NEAR -> {
        WalletSignatures.NearSigned tx =
            signatures.near(wallet, secret, base64(p.getTransaction(), "transaction"));
        yield new SignedView(
            "transaction",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            tx.base64(),
            tx.hash(),
            null);
      }
      case TRON -> {
        SignedTronTransaction tx =
            signatures.tron(wallet, secret, hex(p.getTransaction(), "transaction"));
        yield new SignedView(
            "transaction",
            tx.signatureHex(),
            null,
            null,
            wallet.address(),
            null,
            null,
            tx.transactionHex(),
            null,
            null,
            null,
            tx.txidHex());
      }
      default ->
          throw ProblemException.invalidField(
              "type", "type: transaction is for ethereum, solana, near and tron wallets");
    };
  }

  private static SignedView psbt(FinalizedTransaction tx) {
    return new SignedView(
        "psbt", null, null, null, null, null, null, tx.hex(), null, null, null, tx.txid());
  }

  private static SignedView message(String type, Wallet wallet, MessageSignature sig) {
    return new SignedView(
        type,
        sig.signatureHex(),
        null,
        "0x" + HexFormat.of().formatHex(sig.digest()),
        wallet.address(),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static byte[] personalMessage(SignPayload p) {
    if ((p.getMessage() == null) == (p.getMessageHex() == null)) {
      throw ProblemException.invalidField(
          "message", "message: give the message as text (message) or as hex (messageHex)");
    }
    return p.getMessage() != null
        ? p.getMessage().getBytes(StandardCharsets.UTF_8)
        : hex(p.getMessageHex(), "messageHex");
  }

  private static EvmChainId chainId(long value) {
    try {
      return new EvmChainId(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("chainId", "chainId: " + e.getMessage());
    }
  }

  private static byte[] hex(String text, String field) {
    String h = required(text, field);
    h = h.startsWith("0x") ? h.substring(2) : h;
    if (h.isEmpty() || h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]*")) {
      throw ProblemException.invalidField(field, field + ": hex bytes (0x optional)");
    }
    return HexFormat.of().parseHex(h);
  }

  private static byte[] base64(String text, String field) {
    try {
      return Base64.getDecoder().decode(required(text, field));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, field + ": standard base64");
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw ProblemException.invalidField(field, field + ": required for this type");
    }
    return value;
  }
}
