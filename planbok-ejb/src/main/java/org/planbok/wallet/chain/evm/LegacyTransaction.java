package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * Legacy transaction with EIP-155 replay protection. The unsigned form is the signing payload
 * {@code rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])}; signed: {@code
 * rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])} with {@code v = recid + 35 +
 * 2·chainId}. A pre-EIP-155 transaction (six fields) is refused: its signature is valid on every
 * chain.
 */
public final class LegacyTransaction implements UnsignedEvmTransaction {
  private static final int BODY_FIELDS = 6;
  private static final int EIP155_FIELDS = 9;

  private final List<RlpItem> body;
  private final EvmChainId chainId;

  private LegacyTransaction(List<RlpItem> body, EvmChainId chainId) {
    this.body = body;
    this.chainId = chainId;
  }

  static LegacyTransaction parse(byte[] raw, EvmChainId expected) {
    RlpItem.Items list = RlpItem.list(Rlp.decode(raw, "transaction"), "transaction");
    if (list.size() == BODY_FIELDS) {
      throw new ChainFormatException(
          "transaction",
          "legacy transaction without an EIP-155 chain id (replayable on any chain)");
    }
    if (list.size() != EIP155_FIELDS) {
      throw new ChainFormatException(
          "transaction", "an unsigned EIP-155 transaction has 9 fields, found " + list.size());
    }
    BigInteger r = TxFields.uint(list.get(7), "r", 32);
    BigInteger s = TxFields.uint(list.get(8), "s", 32);
    if (r.signum() != 0 || s.signum() != 0) {
      throw new ChainFormatException(
          "transaction", "already signed (r, s set); send the unsigned EIP-155 payload");
    }
    TxFields.requireChain(TxFields.uint(list.get(6), "chainId", 8), expected);
    TxFields.nonce(list.get(0));
    TxFields.uint(list.get(1), "gasPrice", 32);
    TxFields.uint(list.get(2), "gasLimit", 8);
    TxFields.to(list.get(3));
    TxFields.uint(list.get(4), "value", 32);
    TxFields.data(list.get(5));
    return new LegacyTransaction(list.items().subList(0, BODY_FIELDS), expected);
  }

  @Override
  public EvmChainId chainId() {
    return chainId;
  }

  @Override
  public BigInteger nonce() {
    return TxFields.nonce(body.get(0));
  }

  public BigInteger gasPrice() {
    return TxFields.uint(body.get(1), "gasPrice", 32);
  }

  @Override
  public BigInteger gasLimit() {
    return TxFields.uint(body.get(2), "gasLimit", 8);
  }

  @Override
  public Optional<EvmAddress> to() {
    return TxFields.to(body.get(3));
  }

  @Override
  public BigInteger value() {
    return TxFields.uint(body.get(4), "value", 32);
  }

  public byte[] data() {
    return TxFields.data(body.get(5));
  }

  /** Keccak-256(rlp([…body, chainId, 0, 0])) (EIP-155). */
  @Override
  public byte[] signingHash() {
    return Hashes.keccak256(encode(chainId.toBigInteger(), BigInteger.ZERO, BigInteger.ZERO));
  }

  @Override
  public SignedEvmTransaction sign(EcdsaSignature signature, ECPoint signer) {
    requireSignedBy(signature, signer);
    BigInteger v =
        BigInteger.valueOf(signature.recoveryId() + 35L).add(chainId.toBigInteger().shiftLeft(1));
    return new SignedEvmTransaction(encode(v, signature.r(), signature.s()));
  }

  /** The six body fields followed by (v, r, s), or by (chainId, 0, 0) for signing. */
  private byte[] encode(BigInteger v, BigInteger r, BigInteger s) {
    List<byte[]> parts = new ArrayList<>();
    body.forEach(f -> parts.add(Rlp.encode(f)));
    parts.add(Rlp.encode(v));
    parts.add(Rlp.encode(r));
    parts.add(Rlp.encode(s));
    return Rlp.encodeList(parts);
  }
}
