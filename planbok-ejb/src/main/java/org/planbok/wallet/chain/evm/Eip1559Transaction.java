package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * EIP-1559 transaction: {@code 0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
 * gasLimit, to, value, data, accessList])}; signed: the same list followed by {@code yParity, r,
 * s}.
 */
public final class Eip1559Transaction implements UnsignedEvmTransaction {
  static final int TYPE = 0x02;
  private static final int UNSIGNED_FIELDS = 9;
  private static final int SIGNED_FIELDS = 12;

  private final List<RlpItem> fields;
  private final EvmChainId chainId;

  private Eip1559Transaction(List<RlpItem> fields, EvmChainId chainId) {
    this.fields = fields;
    this.chainId = chainId;
  }

  static Eip1559Transaction parse(byte[] raw, EvmChainId expected) {
    RlpItem.Items list =
        RlpItem.list(
            Rlp.decode(Arrays.copyOfRange(raw, 1, raw.length), "transaction"), "transaction");
    if (list.size() == SIGNED_FIELDS) {
      throw new ChainFormatException(
          "transaction", "already signed (12 fields); send the unsigned transaction (9 fields)");
    }
    if (list.size() != UNSIGNED_FIELDS) {
      throw new ChainFormatException(
          "transaction", "an unsigned EIP-1559 transaction has 9 fields, found " + list.size());
    }
    BigInteger chainId = TxFields.uint(list.get(0), "chainId", 8);
    TxFields.requireChain(chainId, expected);
    TxFields.nonce(list.get(1));
    BigInteger tip = TxFields.uint(list.get(2), "maxPriorityFeePerGas", 32);
    BigInteger maxFee = TxFields.uint(list.get(3), "maxFeePerGas", 32);
    if (tip.compareTo(maxFee) > 0) {
      throw new ChainFormatException(
          "transaction.maxPriorityFeePerGas", "above maxFeePerGas (EIP-1559)");
    }
    TxFields.uint(list.get(4), "gasLimit", 8);
    TxFields.to(list.get(5));
    TxFields.uint(list.get(6), "value", 32);
    TxFields.data(list.get(7));
    TxFields.accessList(list.get(8));
    return new Eip1559Transaction(list.items(), expected);
  }

  @Override
  public EvmChainId chainId() {
    return chainId;
  }

  @Override
  public BigInteger nonce() {
    return TxFields.nonce(fields.get(1));
  }

  public BigInteger maxPriorityFeePerGas() {
    return TxFields.uint(fields.get(2), "maxPriorityFeePerGas", 32);
  }

  public BigInteger maxFeePerGas() {
    return TxFields.uint(fields.get(3), "maxFeePerGas", 32);
  }

  @Override
  public BigInteger gasLimit() {
    return TxFields.uint(fields.get(4), "gasLimit", 8);
  }

  @Override
  public Optional<EvmAddress> to() {
    return TxFields.to(fields.get(5));
  }

  @Override
  public BigInteger value() {
    return TxFields.uint(fields.get(6), "value", 32);
  }

  public byte[] data() {
    return TxFields.data(fields.get(7));
  }

  /** Keccak-256(0x02 ‖ rlp(unsigned fields)) (EIP-1559 §Specification). */
  @Override
  public byte[] signingHash() {
    return Hashes.keccak256(typed(Rlp.encode(new RlpItem.Items(fields))));
  }

  /** {@code v} is the y-parity itself (0 or 1). */
  @Override
  public SignedEvmTransaction sign(EcdsaSignature signature, ECPoint signer) {
    requireSignedBy(signature, signer);
    List<byte[]> parts = new ArrayList<>();
    fields.forEach(f -> parts.add(Rlp.encode(f)));
    parts.add(Rlp.encode(BigInteger.valueOf(signature.recoveryId())));
    parts.add(Rlp.encode(signature.r()));
    parts.add(Rlp.encode(signature.s()));
    return new SignedEvmTransaction(typed(Rlp.encodeList(parts)));
  }

  private static byte[] typed(byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = TYPE;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }
}
