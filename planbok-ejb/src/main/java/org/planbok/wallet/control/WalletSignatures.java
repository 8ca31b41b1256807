package org.planbok.wallet.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.Signatures;
import org.planbok.keys.entity.Curve;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.policy.control.Policies;
import org.planbok.policy.control.SigningRequest;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.bitcoin.BitcoinAddress;
import org.planbok.wallet.chain.bitcoin.BitcoinNetwork;
import org.planbok.wallet.chain.bitcoin.BitcoinTransaction;
import org.planbok.wallet.chain.bitcoin.FinalizedTransaction;
import org.planbok.wallet.chain.bitcoin.Psbt;
import org.planbok.wallet.chain.evm.EvmChainId;
import org.planbok.wallet.chain.evm.MessageSignature;
import org.planbok.wallet.chain.evm.PersonalMessage;
import org.planbok.wallet.chain.evm.SignedEvmTransaction;
import org.planbok.wallet.chain.evm.TypedData;
import org.planbok.wallet.chain.evm.UnsignedEvmTransaction;
import org.planbok.wallet.chain.near.NearTransaction;
import org.planbok.wallet.chain.solana.SignedSolanaTransaction;
import org.planbok.wallet.chain.solana.SolanaMessage;
import org.planbok.wallet.chain.tron.SignedTronTransaction;
import org.planbok.wallet.chain.tron.TronTransaction;
import org.planbok.wallet.entity.Wallet;

/**
 * What each chain needs signed, signed with a wallet's key: the payload is parsed strictly by the
 * chain layer (a fault names its field, before the secret is checked), the digest signed in a
 * two-party session, and the result assembled by the chain layer, which checks the signature once
 * more against the wallet's key before anything leaves.
 */
@Stateless
public class WalletSignatures {

  @Inject Wallets wallets;
  @Inject Signatures signatures;
  @Inject Policies policies;

  /** 32 raw bytes: an ECDSA signature (secp256k1) or an RFC 8032 signature of them (ed25519). */
  public RawSignature digest(Wallet wallet, ClientSecret secret, byte[] digest) {
    PolicyStatement policy = enforce(wallet, SigningRequest.digest(wallet.chain(), digest));
    if (wallet.chain().curve() == Curve.SECP256K1) {
      EcdsaSignature sig = ecdsa(wallet, wallets.childKey(wallet), secret, digest, policy);
      return new RawSignature(sig.compact(), sig.recoveryId());
    }
    return new RawSignature(
        ed25519(wallet, wallets.childKey(wallet), secret, digest, policy), null);
  }

  /** {@code r ‖ s} (low-S) with its recovery id, or a 64-byte ed25519 signature (no id). */
  public record RawSignature(byte[] signature, Integer recoveryId) {}

  /** Ethereum {@code personal_sign} (EIP-191). */
  public MessageSignature personalSign(Wallet wallet, ClientSecret secret, byte[] message) {
    require(wallet, "personal_sign", Chain.ETHEREUM);
    byte[] digest = payload(() -> PersonalMessage.digest(message));
    PolicyStatement policy = enforce(wallet, SigningRequest.personalSign(message));
    return MessageSignature.of(
        digest, ecdsa(wallet, wallets.childKey(wallet), secret, digest, policy));
  }

  /** Ethereum {@code eth_signTypedData_v4} (EIP-712). */
  public MessageSignature typedData(
      Wallet wallet, ClientSecret secret, String json, Optional<EvmChainId> chainId) {
    require(wallet, "typed_data", Chain.ETHEREUM);
    TypedData typed =
        payload(
            () -> {
              TypedData parsed = TypedData.parse(json);
              chainId.ifPresent(parsed::requireChain);
              return parsed;
            });
    byte[] digest = typed.digest();
    PolicyStatement policy =
        enforce(wallet, payload(() -> SigningRequest.typedData(typed, utf8(json))));
    return MessageSignature.of(
        digest, ecdsa(wallet, wallets.childKey(wallet), secret, digest, policy));
  }

  /** An unsigned EIP-1559 or EIP-155 legacy transaction for {@code chainId}, signed. */
  public SignedEvmTransaction evmTransaction(
      Wallet wallet, ClientSecret secret, byte[] raw, EvmChainId chainId) {
    require(wallet, "transaction", Chain.ETHEREUM);
    UnsignedEvmTransaction tx = payload(() -> UnsignedEvmTransaction.parse(raw, chainId));
    PolicyStatement policy = enforce(wallet, SigningRequest.evmTransaction(tx, raw));
    ChildKey child = wallets.childKey(wallet);
    EcdsaSignature sig = ecdsa(wallet, child, secret, tx.signingHash(), policy);
    return tx.sign(sig, secpKey(child));
  }

  /** A PSBT whose inputs are all P2WPKH outputs of this wallet, finalized. */
  public FinalizedTransaction psbt(Wallet wallet, ClientSecret secret, byte[] psbt) {
    require(wallet, "psbt", Chain.BITCOIN, Chain.BITCOIN_TESTNET);
    if (wallet.format() != AddressFormat.P2WPKH) {
      throw Refused.invalid("type", "type: PSBTs are signed by P2WPKH wallets only");
    }
    Psbt parsed = payload(() -> Psbt.parse(psbt));
    ChildKey child = wallets.childKey(wallet);
    ECPoint key = secpKey(child);
    List<byte[]> digests =
        payload(
            () -> {
              List<byte[]> sighashes = parsed.sighashes(key);
              parsed.fee();
              return sighashes;
            });
    PolicyStatement policy = enforce(wallet, psbtRequest(wallet, parsed, key, psbt));
    List<EcdsaSignature> sigs =
        signatures.signDigests(
            wallet.subject(),
            wallet.keyId(),
            SecretPurpose.unlocking(wallet.subject()),
            secret,
            digests,
            child,
            policy);
    return parsed.finalizeWith(key, sigs);
  }

  /** A Solana legacy or v0 message in which this wallet is a required signer. */
  public SignedSolanaTransaction solana(Wallet wallet, ClientSecret secret, byte[] message) {
    require(wallet, "transaction", Chain.SOLANA);
    ChildKey child = wallets.childKey(wallet);
    Ed25519Key key = new Ed25519Key(child.publicKey());
    SolanaMessage parsed = payload(() -> SolanaMessage.parse(message, key));
    PolicyStatement policy = enforce(wallet, SigningRequest.solana(parsed, child.publicKey()));
    return parsed.sign(ed25519(wallet, child, secret, parsed.bytesToSign(), policy), key);
  }

  /** A NEAR borsh transaction whose public key is this wallet's: the signed transaction. */
  public NearSigned near(Wallet wallet, ClientSecret secret, byte[] transaction) {
    require(wallet, "transaction", Chain.NEAR);
    ChildKey child = wallets.childKey(wallet);
    Ed25519Key key = new Ed25519Key(child.publicKey());
    NearTransaction parsed = payload(() -> NearTransaction.parse(transaction, key));
    PolicyStatement policy = enforce(wallet, SigningRequest.near(parsed));
    byte[] signature = ed25519(wallet, child, secret, parsed.hash(), policy);
    return new NearSigned(parsed.sign(signature, key), parsed.hashBase58());
  }

  /**
   * A Tron {@code Transaction.raw} (TronWeb's {@code raw_data_hex}) whose one contract, a TRX
   * transfer or a contract call, is paid by this wallet: the signed transaction.
   */
  public SignedTronTransaction tron(Wallet wallet, ClientSecret secret, byte[] rawData) {
    require(wallet, "transaction", Chain.TRON);
    ChildKey child = wallets.childKey(wallet);
    ECPoint key = secpKey(child);
    TronTransaction tx = payload(() -> TronTransaction.parse(rawData, key, Instant.now()));
    PolicyStatement policy = enforce(wallet, SigningRequest.tron(tx, rawData));
    return tx.sign(ecdsa(wallet, child, secret, tx.txid(), policy), key);
  }

  /** A signed NEAR transaction and its hash (Base58, as explorers show it). */
  public record NearSigned(byte[] signedTransaction, String hash) {
    public String base64() {
      return Base64.getEncoder().encodeToString(signedTransaction);
    }
  }

  /**
   * The policy decision for this signature (PolicyRefused when refused), before the secret is
   * checked: a refused request costs the customer no PIN attempt.
   */
  private PolicyStatement enforce(Wallet wallet, SigningRequest request) {
    return policies.enforce(
        wallet.organization(), wallet.subject(), "wallet:" + wallet.id(), request);
  }

  /** The PSBT's outputs as the policy sees them: change (back to this wallet) is not spent. */
  private static SigningRequest psbtRequest(Wallet wallet, Psbt parsed, ECPoint key, byte[] psbt) {
    BitcoinNetwork network =
        wallet.chain() == Chain.BITCOIN ? BitcoinNetwork.MAINNET : BitcoinNetwork.TESTNET;
    byte[] own = BitcoinAddress.p2wpkhScript(key);
    List<SigningRequest.PsbtOutput> outputs = new ArrayList<>();
    for (BitcoinTransaction.Output o : parsed.unsignedTransaction().outputs()) {
      byte[] script = o.scriptPubKey();
      outputs.add(
          new SigningRequest.PsbtOutput(
              BitcoinAddress.ofScript(script, network).orElse(null),
              o.value(),
              Arrays.equals(script, own)));
    }
    return SigningRequest.psbt(wallet.chain(), outputs, psbt);
  }

  private EcdsaSignature ecdsa(
      Wallet wallet, ChildKey child, ClientSecret secret, byte[] digest, PolicyStatement policy) {
    return signatures.signDigest(
        wallet.subject(),
        wallet.keyId(),
        SecretPurpose.unlocking(wallet.subject()),
        secret,
        digest,
        child,
        policy);
  }

  private byte[] ed25519(
      Wallet wallet, ChildKey child, ClientSecret secret, byte[] message, PolicyStatement policy) {
    return signatures
        .signMessage(
            wallet.subject(),
            wallet.keyId(),
            SecretPurpose.unlocking(wallet.subject()),
            secret,
            message,
            child,
            policy)
        .toBytes();
  }

  private static ECPoint secpKey(ChildKey child) {
    return Secp256k1.INSTANCE.decode(child.publicKey());
  }

  private static void require(Wallet wallet, String type, Chain... chains) {
    for (Chain c : chains) {
      if (wallet.chain() == c) {
        return;
      }
    }
    throw Refused.invalid(
        "type",
        "type: "
            + type
            + " is not a signature type of a "
            + Chains.name(wallet.chain())
            + " wallet");
  }

  /**
   * Parses a payload: the chain layer's refusal (which names the faulty field) becomes an
   * invalid-input refusal, before any secret is checked.
   */
  private static <T> T payload(java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ChainFormatException e) {
      throw Refused.invalid(e.field(), e.getMessage());
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
