package org.planbok.wallet.chain.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hex;
import org.planbok.wallet.chain.PlainKey;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;

class EvmTransactionTest {
  private static final EvmChainId MAINNET = new EvmChainId(1);
  private static final EvmChainId POLYGON = new EvmChainId(137);
  private static final String TO = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final PlainKey key = PlainKey.random();
  private final String address = EvmAddress.fromPublicKey(key.publicKey()).toString();

  static RawTransaction eip1559(long chainId, String data) {
    return RawTransaction.createTransaction(
        chainId,
        BigInteger.valueOf(7),
        BigInteger.valueOf(21_000),
        TO,
        BigInteger.TEN.pow(18),
        data,
        GWEI,
        GWEI.multiply(BigInteger.valueOf(30)));
  }

  static RawTransaction legacy(String data) {
    return RawTransaction.createTransaction(
        BigInteger.ZERO,
        GWEI.multiply(BigInteger.valueOf(20)),
        BigInteger.valueOf(90_000),
        TO,
        BigInteger.valueOf(12345),
        data);
  }

  @Test
  void signsAnEip1559TransactionThatWeb3jDecodesAndRecoversToOurAddress() throws Exception {
    RawTransaction tx = eip1559(137, "0xa9059cbb");
    byte[] unsigned = TransactionEncoder.encode(tx);
    UnsignedEvmTransaction parsed = UnsignedEvmTransaction.parse(unsigned, POLYGON);
    assertInstanceOf(Eip1559Transaction.class, parsed);
    assertArrayEquals(Hash.sha3(unsigned), parsed.signingHash());
    assertEquals(BigInteger.valueOf(7), parsed.nonce());
    assertEquals(TO, parsed.to().orElseThrow().toString());

    SignedEvmTransaction signed = parsed.sign(key.sign(parsed.signingHash()), key.publicKey());

    SignedRawTransaction decoded =
        (SignedRawTransaction) TransactionDecoder.decode(signed.rawHex());
    assertEquals(address.toLowerCase(), decoded.getFrom());
    assertEquals(
        137L,
        ((org.web3j.crypto.transaction.type.Transaction1559) decoded.getTransaction())
            .getChainId());
    assertEquals(TO.toLowerCase(), decoded.getTo());
    assertEquals(Hex.of(Hash.sha3(signed.raw())), signed.hashHex().substring(2));
  }

  @Test
  void signsALegacyEip155TransactionThatWeb3jDecodesAndRecoversToOurAddress() throws Exception {
    for (long chainId : new long[] {1, 137, 11_155_111}) {
      RawTransaction tx = legacy("0x");
      byte[] unsigned = TransactionEncoder.encode(tx, chainId);
      UnsignedEvmTransaction parsed =
          UnsignedEvmTransaction.parse(unsigned, new EvmChainId(chainId));
      assertInstanceOf(LegacyTransaction.class, parsed);
      assertArrayEquals(Hash.sha3(unsigned), parsed.signingHash());

      EcdsaSignature sig = key.sign(parsed.signingHash());
      SignedEvmTransaction signed = parsed.sign(sig, key.publicKey());

      SignedRawTransaction decoded =
          (SignedRawTransaction) TransactionDecoder.decode(signed.rawHex());
      assertEquals(address.toLowerCase(), decoded.getFrom());
      assertEquals(chainId, decoded.getChainId());
      assertEquals(
          BigInteger.valueOf(sig.recoveryId() + 35 + 2 * chainId),
          new BigInteger(1, decoded.getSignatureData().getV()));
    }
  }

  @Test
  void signsAContractCreationWithAnAccessList() throws Exception {
    byte[] accessList =
        Rlp.encodeList(
            List.of(
                Rlp.encodeList(
                    List.of(
                        Rlp.encode(Hex.bytes(TO)),
                        Rlp.encodeList(List.of(Rlp.encode(new byte[32])))))));
    byte[] unsigned =
        typed(
            Rlp.encodeList(
                List.of(
                    Rlp.encode(BigInteger.ONE),
                    Rlp.encode(BigInteger.ZERO),
                    Rlp.encode(GWEI),
                    Rlp.encode(GWEI),
                    Rlp.encode(BigInteger.valueOf(1_000_000)),
                    Rlp.encode(new byte[0]),
                    Rlp.encode(BigInteger.ZERO),
                    Rlp.encode(Hex.bytes("6080604052")),
                    accessList)));
    UnsignedEvmTransaction parsed = UnsignedEvmTransaction.parse(unsigned, MAINNET);
    assertEquals(java.util.Optional.empty(), parsed.to());
    SignedEvmTransaction signed = parsed.sign(key.sign(parsed.signingHash()), key.publicKey());
    SignedRawTransaction decoded =
        (SignedRawTransaction) TransactionDecoder.decode(signed.rawHex());
    assertEquals(address.toLowerCase(), decoded.getFrom());
  }

  @Test
  void refusesToAssembleWithASignatureFromAnotherKey() {
    UnsignedEvmTransaction parsed =
        UnsignedEvmTransaction.parse(TransactionEncoder.encode(eip1559(1, "0x")), MAINNET);
    EcdsaSignature other = PlainKey.random().sign(parsed.signingHash());
    assertThrows(IllegalArgumentException.class, () -> parsed.sign(other, key.publicKey()));
  }

  @Test
  void rejectsAWrongChainId() {
    byte[] typed = TransactionEncoder.encode(eip1559(137, "0x"));
    assertRejected("transaction.chainId", () -> UnsignedEvmTransaction.parse(typed, MAINNET));
    byte[] legacy = TransactionEncoder.encode(legacy("0x"), 137);
    assertRejected("transaction.chainId", () -> UnsignedEvmTransaction.parse(legacy, MAINNET));
  }

  @Test
  void rejectsASignedTransactionWhereAnUnsignedOneIsExpected() {
    Credentials credentials = Credentials.create(ECKeyPair.create(key.secret()));
    byte[] typed = TransactionEncoder.signMessage(eip1559(1, "0x"), 1, credentials);
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(typed, MAINNET));
    byte[] legacy = TransactionEncoder.signMessage(legacy("0x"), 1, credentials);
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(legacy, MAINNET));
  }

  @Test
  void rejectsALegacyTransactionWithoutChainId() {
    byte[] preEip155 = TransactionEncoder.encode(legacy("0x"));
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(preEip155, MAINNET));
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] tx = TransactionEncoder.encode(eip1559(1, "0x"));
    byte[] longer = java.util.Arrays.copyOf(tx, tx.length + 1);
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(longer, MAINNET));
  }

  @Test
  void rejectsAnIntegerWithALeadingZero() {
    byte[] bad = replaceField(TransactionEncoder.encode(legacy("0x"), 1), 0, new byte[] {0, 1});
    assertRejected("transaction.nonce", () -> UnsignedEvmTransaction.parse(bad, MAINNET));
  }

  @Test
  void rejectsANonCanonicalLength() {
    // 0x05 wrapped as a one-byte string, and a 3-byte string written with the long length form.
    assertRejected("transaction", () -> Rlp.decode(Hex.bytes("8105"), "transaction"));
    assertRejected("transaction", () -> Rlp.decode(Hex.bytes("b803010203"), "transaction"));
    assertRejected("transaction", () -> Rlp.decode(Hex.bytes("c3b8020102"), "transaction"));
    assertRejected(
        "transaction", () -> Rlp.decode(Hex.bytes("b90003" + "00".repeat(3)), "transaction"));
    // A short list whose prefix claims more than it holds, and a list written in long form.
    assertRejected("transaction", () -> Rlp.decode(Hex.bytes("c501"), "transaction"));
    assertRejected("transaction", () -> Rlp.decode(Hex.bytes("f8020102"), "transaction"));
    byte[] legacyLong = TransactionEncoder.encode(legacy("0x"), 1);
    byte[] shortened = java.util.Arrays.copyOf(legacyLong, legacyLong.length - 1);
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(shortened, MAINNET));
  }

  @Test
  void rejectsAnOversizedTransaction() {
    String data = "0x" + "ab".repeat(UnsignedEvmTransaction.MAX_BYTES);
    byte[] tx = TransactionEncoder.encode(eip1559(1, data));
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(tx, MAINNET));
  }

  @Test
  void rejectsUnsupportedTransactionTypes() {
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(Hex.bytes("01c0"), MAINNET));
    assertRejected("transaction", () -> UnsignedEvmTransaction.parse(new byte[0], MAINNET));
  }

  @Test
  void rejectsARecipientOfTheWrongLength() {
    byte[] bad = replaceField(TransactionEncoder.encode(legacy("0x"), 1), 3, new byte[19]);
    assertRejected("transaction.to", () -> UnsignedEvmTransaction.parse(bad, MAINNET));
  }

  /** A legacy transaction with field {@code index} replaced by the byte string {@code value}. */
  private static byte[] replaceField(byte[] legacy, int index, byte[] value) {
    RlpItem.Items items = (RlpItem.Items) Rlp.decode(legacy, "transaction");
    List<byte[]> parts = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      parts.add(i == index ? Rlp.encode(value) : Rlp.encode(items.get(i)));
    }
    return Rlp.encodeList(parts);
  }

  private static byte[] typed(byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = 2;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  private static void assertRejected(String field, Executable run) {
    ChainFormatException e = assertThrows(ChainFormatException.class, run);
    assertEquals(field, e.field(), e.getMessage());
  }
}
