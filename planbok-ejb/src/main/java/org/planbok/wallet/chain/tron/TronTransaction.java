package org.planbok.wallet.chain.tron;

import static org.planbok.wallet.chain.tron.ProtoMessage.Field.bytes;
import static org.planbok.wallet.chain.tron.ProtoMessage.Field.int64;
import static org.planbok.wallet.chain.tron.ProtoMessage.Field.repeated;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * An unsigned Tron transaction: the protobuf bytes of {@code Transaction.raw} (java-tron {@code
 * core/Tron.proto}), as TronWeb and TronGrid hand them out in {@code raw_data_hex}. Its id is
 * SHA-256 of these bytes, and that id is what the owner signs with secp256k1.
 *
 * <p>We sign a transaction of exactly one contract, a {@code TransferContract} (TRX) or a {@code
 * TriggerSmartContract} (a contract call, TRC-20 transfers included), whose {@code owner_address}
 * is the wallet. The bytes must be canonical protobuf, because java-tron hashes its own
 * re-serialization: anything else would be signed under a txid the chain never computes. Fields we
 * do not read (authorities, scripts, providers, unknown numbers) are refused, not skipped. The
 * transaction must not have expired and may not expire more than 24 hours ahead, the most java-tron
 * accepts ({@code MAXIMUM_TIME_UNTIL_EXPIRATION}), so no long-lived signed transaction exists.
 *
 * <p>Faults name the field as TronWeb's JSON of the transaction does, under {@code transaction}:
 * {@code transaction.expiration}, {@code transaction.contract[0].parameter.value.owner_address}.
 */
public final class TronTransaction {
  /** Our bound on what a client may send; a TRX transfer is about 100 bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  public static final Duration MAX_LIFETIME = Duration.ofHours(24);
  static final String TRANSFER_URL = "type.googleapis.com/protocol.TransferContract";
  static final String TRIGGER_URL = "type.googleapis.com/protocol.TriggerSmartContract";
  static final int TRANSFER_CONTRACT = 1;
  static final int TRIGGER_SMART_CONTRACT = 31;
  private static final String PATH = "transaction";

  private final byte[] raw;
  private final TronContract contract;
  private final Instant expiration;
  private final long feeLimit;
  private final int permissionId;
  private final byte[] memo;

  private TronTransaction(
      byte[] raw,
      TronContract contract,
      Instant expiration,
      long feeLimit,
      int permissionId,
      byte[] memo) {
    this.raw = raw;
    this.contract = contract;
    this.expiration = expiration;
    this.feeLimit = feeLimit;
    this.permissionId = permissionId;
    this.memo = memo;
  }

  /**
   * Parses {@code rawData}, requires its owner to be the address of {@code signer} and its
   * expiration to lie after {@code now} and within {@link #MAX_LIFETIME} of it.
   */
  public static TronTransaction parse(byte[] rawData, ECPoint signer, Instant now) {
    TronTransaction tx = read(rawData, now);
    if (!tx.contract.owner().equals(TronAddress.fromPublicKey(signer))) {
      throw new ChainFormatException(
          PATH + ".contract[0].parameter.value.owner_address", "not this wallet's address");
    }
    return tx;
  }

  /** Parses {@code rawData} whoever its owner; the expiration is checked against {@code now}. */
  static TronTransaction read(byte[] rawData, Instant now) {
    if (rawData == null || rawData.length == 0) {
      throw new ChainFormatException(PATH, "empty");
    }
    if (rawData.length > MAX_BYTES) {
      throw new ChainFormatException(PATH, "longer than " + MAX_BYTES + " bytes");
    }
    ProtoMessage raw =
        ProtoMessage.read(
            rawData,
            PATH,
            bytes(1, "ref_block_bytes"),
            int64(3, "ref_block_num"),
            bytes(4, "ref_block_hash"),
            int64(8, "expiration"),
            repeated(9, "auths"),
            bytes(10, "data"),
            repeated(11, "contract"),
            bytes(12, "scripts"),
            int64(14, "timestamp"),
            int64(18, "fee_limit"));
    requireLength(raw, "ref_block_bytes", 2);
    requireLength(raw, "ref_block_hash", 8);
    nonNegative(raw, "ref_block_num");
    nonNegative(raw, "timestamp");
    Instant expiration = expiration(raw, now);
    for (String unused : List.of("auths", "scripts")) {
      if (raw.has(unused)) {
        throw raw.fail(
            unused, "not signed here: transactions from TronWeb or TronGrid do not carry it");
      }
    }
    ProtoMessage wrapper = onlyContract(raw);
    long permissionId = wrapper.int64("Permission_id");
    if (permissionId < 0 || permissionId > Integer.MAX_VALUE) {
      throw wrapper.fail("Permission_id", "not a permission id");
    }
    TronContract contract = contract(wrapper);
    return new TronTransaction(
        rawData.clone(),
        contract,
        expiration,
        nonNegative(raw, "fee_limit"),
        (int) permissionId,
        raw.bytes("data"));
  }

  /** The {@code Transaction.Contract}, which must be the only one, without unused fields. */
  private static ProtoMessage onlyContract(ProtoMessage raw) {
    List<byte[]> contracts = raw.repeated("contract");
    if (contracts.size() != 1) {
      throw raw.fail("contract", "a Tron transaction has exactly one contract");
    }
    ProtoMessage wrapper =
        ProtoMessage.read(
            contracts.get(0),
            PATH + ".contract[0]",
            int64(1, "type"),
            bytes(2, "parameter"),
            bytes(3, "provider"),
            bytes(4, "ContractName"),
            int64(5, "Permission_id"));
    for (String unused : List.of("provider", "ContractName")) {
      if (wrapper.has(unused)) {
        throw wrapper.fail(unused, "not used by the contracts we sign");
      }
    }
    return wrapper;
  }

  private static Instant expiration(ProtoMessage raw, Instant now) {
    if (!raw.has("expiration")) {
      throw raw.fail("expiration", "required");
    }
    long millis = raw.int64("expiration");
    if (millis <= now.toEpochMilli()) {
      throw raw.fail("expiration", "the transaction has expired");
    }
    if (millis > now.plus(MAX_LIFETIME).toEpochMilli()) {
      throw raw.fail("expiration", "more than 24 hours ahead; Tron refuses it");
    }
    return Instant.ofEpochMilli(millis);
  }

  private static TronContract contract(ProtoMessage wrapper) {
    long type = wrapper.int64("type");
    if (type != (int) type) {
      throw wrapper.fail("type", "not a contract type");
    }
    String url =
        switch ((int) type) {
          case TRANSFER_CONTRACT -> TRANSFER_URL;
          case TRIGGER_SMART_CONTRACT -> TRIGGER_URL;
          default ->
              throw wrapper.fail(
                  "type",
                  "contract type "
                      + type
                      + " is not signed here: TransferContract (1) or TriggerSmartContract (31)");
        };
    if (!wrapper.has("parameter")) {
      throw wrapper.fail("parameter", "required");
    }
    String at = wrapper.path("parameter");
    ProtoMessage any =
        ProtoMessage.read(wrapper.bytes("parameter"), at, bytes(1, "type_url"), bytes(2, "value"));
    if (!Arrays.equals(any.bytes("type_url"), url.getBytes(StandardCharsets.UTF_8))) {
      throw any.fail("type_url", "must be " + url + " for contract type " + type);
    }
    byte[] value = any.bytes("value");
    return type == TRANSFER_CONTRACT ? transfer(value, at + ".value") : call(value, at + ".value");
  }

  private static TronContract.Transfer transfer(byte[] value, String at) {
    ProtoMessage m =
        ProtoMessage.read(
            value, at, bytes(1, "owner_address"), bytes(2, "to_address"), int64(3, "amount"));
    byte[] owner = address(m, "owner_address");
    byte[] to = address(m, "to_address");
    if (Arrays.equals(to, owner)) {
      throw m.fail("to_address", "Tron refuses a transfer to the owner itself");
    }
    long amount = m.int64("amount");
    if (amount <= 0) {
      throw m.fail("amount", "a transfer moves at least 1 sun");
    }
    return new TronContract.Transfer(base58(owner), base58(to), amount);
  }

  private static TronContract.Call call(byte[] value, String at) {
    ProtoMessage m =
        ProtoMessage.read(
            value,
            at,
            bytes(1, "owner_address"),
            bytes(2, "contract_address"),
            int64(3, "call_value"),
            bytes(4, "data"),
            int64(5, "call_token_value"),
            int64(6, "token_id"));
    byte[] owner = address(m, "owner_address");
    byte[] contract = address(m, "contract_address");
    byte[] data = m.bytes("data");
    return new TronContract.Call(
        base58(owner),
        base58(contract),
        nonNegative(m, "call_value"),
        data,
        nonNegative(m, "call_token_value"),
        nonNegative(m, "token_id"),
        Trc20Transfer.read(data, m.path("data")));
  }

  /** A Tron address on the wire: 21 bytes, {@code 0x41} then the 20-byte account id. */
  private static byte[] address(ProtoMessage m, String name) {
    byte[] a = m.bytes(name);
    if (a.length == 0) {
      throw m.fail(name, "required");
    }
    if (a.length != 21 || (a[0] & 0xff) != TronAddress.PREFIX) {
      throw m.fail(name, "a Tron address is 21 bytes starting with 0x41");
    }
    return a;
  }

  private static String base58(byte[] address) {
    return TronAddress.fromAccountId(Arrays.copyOfRange(address, 1, 21));
  }

  private static void requireLength(ProtoMessage m, String name, int length) {
    if (m.bytes(name).length != length) {
      throw m.fail(name, m.has(name) ? "must be " + length + " bytes" : "required");
    }
  }

  private static long nonNegative(ProtoMessage m, String name) {
    long v = m.int64(name);
    if (v < 0) {
      throw m.fail(name, "negative");
    }
    return v;
  }

  public TronContract contract() {
    return contract;
  }

  public Instant expiration() {
    return expiration;
  }

  /** The most sun the call may burn for energy; 0 when not set. */
  public long feeLimit() {
    return feeLimit;
  }

  /** 0 for the owner permission, 2 and up for an active permission of the owner's account. */
  public int permissionId() {
    return permissionId;
  }

  /** {@code raw_data.data}, the note wallets show as a memo; empty when none. */
  public byte[] memo() {
    return memo.clone();
  }

  /** The transaction id: SHA-256 of the {@code raw_data} bytes. What the owner signs. */
  public byte[] txid() {
    return Hashes.sha256(raw);
  }

  public String txidHex() {
    return HexFormat.of().formatHex(txid());
  }

  /**
   * The signed transaction: {@code Transaction} with {@code raw_data} (field 1) and the signature
   * (field 2), 65 bytes {@code r ‖ s ‖ v} with {@code v = 27 + recovery id} as TronWeb writes it
   * (java-tron reads both that and the bare recovery id). {@code signer} is the key the signature
   * must recover to: a signature by any other key would not be the owner's.
   */
  public SignedTronTransaction sign(EcdsaSignature signature, ECPoint signer) {
    if (signature.recoveryId() > 1) {
      throw new IllegalArgumentException("recovery id above 1 has no Tron v");
    }
    ECPoint recovered = signature.recoverPublicKey(txid());
    if (recovered == null || !recovered.equals(signer.normalize())) {
      throw new IllegalArgumentException("signature does not recover to the signer's key");
    }
    byte[] rsv = signature.rsv();
    rsv[64] = (byte) (27 + signature.recoveryId());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lengthDelimited(out, 1, raw);
    lengthDelimited(out, 2, rsv);
    return new SignedTronTransaction(txid(), rsv, out.toByteArray());
  }

  /** A LEN record: the tag {@code number << 3 | 2}, the length as a varint, the bytes. */
  private static void lengthDelimited(ByteArrayOutputStream out, int number, byte[] value) {
    out.write(number << 3 | ProtoReader.LEN);
    long n = value.length;
    while (n >= 0x80) {
      out.write((int) (n & 0x7f) | 0x80);
      n >>>= 7;
    }
    out.write((int) n);
    out.writeBytes(value);
  }

  /** Optional view for callers that only care about TRC-20 transfers. */
  public Optional<Trc20Transfer> tokenTransfer() {
    return contract instanceof TronContract.Call c ? c.tokenTransfer() : Optional.empty();
  }
}
