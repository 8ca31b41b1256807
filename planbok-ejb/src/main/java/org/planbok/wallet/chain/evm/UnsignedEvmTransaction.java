package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * An unsigned EVM transaction as a client builds it (ethers {@code Transaction.unsignedSerialized},
 * web3j {@code TransactionEncoder.encode} without signature): EIP-1559 (type 0x02) or legacy with
 * EIP-155 replay protection. Other types, pre-EIP-155 legacy transactions and already signed
 * transactions are refused.
 */
public sealed interface UnsignedEvmTransaction permits Eip1559Transaction, LegacyTransaction {
  /** geth's limit for a non-blob transaction (txpool {@code txMaxSize}, 128 KiB). */
  int MAX_BYTES = 128 * 1024;

  /** Parses {@code raw} and requires its chain id to be {@code chainId}. */
  static UnsignedEvmTransaction parse(byte[] raw, EvmChainId chainId) {
    if (raw == null || raw.length == 0) {
      throw new ChainFormatException("transaction", "empty");
    }
    if (raw.length > MAX_BYTES) {
      throw new ChainFormatException("transaction", "longer than " + MAX_BYTES + " bytes");
    }
    int first = raw[0] & 0xff;
    if (first == Eip1559Transaction.TYPE) {
      return Eip1559Transaction.parse(raw, chainId);
    }
    if (first >= 0xc0) {
      return LegacyTransaction.parse(raw, chainId);
    }
    if (first <= 0x7f) {
      throw new ChainFormatException(
          "transaction", "transaction type 0x" + Integer.toHexString(first) + " is not supported");
    }
    throw new ChainFormatException("transaction", "neither a typed nor a legacy transaction");
  }

  EvmChainId chainId();

  BigInteger nonce();

  /** The recipient, empty for a contract creation. */
  Optional<EvmAddress> to();

  BigInteger value();

  BigInteger gasLimit();

  /** The hash the sender signs. */
  byte[] signingHash();

  /**
   * The signed raw transaction. {@code signer} is the key the signature must recover to: a
   * signature from any other key would give a transaction from someone else's account.
   */
  SignedEvmTransaction sign(EcdsaSignature signature, ECPoint signer);

  /** Checks that {@code signature} over {@link #signingHash()} recovers to {@code signer}. */
  default void requireSignedBy(EcdsaSignature signature, ECPoint signer) {
    if (signature.recoveryId() > 1) {
      throw new IllegalArgumentException("recovery id above 1 has no Ethereum y-parity");
    }
    ECPoint recovered = signature.recoverPublicKey(signingHash());
    if (recovered == null || !recovered.equals(signer.normalize())) {
      throw new IllegalArgumentException("signature does not recover to the signer's key");
    }
  }
}
