package org.planbok.wallet.chain.tron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.core.Base58;
import org.junit.jupiter.api.Test;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hex;
import org.planbok.wallet.chain.PlainKey;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Transactions are built and decoded by protobuf-java from the .proto declarations ({@link
 * TronProtos}), signed through {@link TronTransaction}, and the signer is recovered by web3j and
 * turned into a Tron address by bitcoinj's Base58Check: none of that is our code.
 */
class TronTransactionTest {
  private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final long EXPIRES = NOW.toEpochMilli() + 60_000;
  private static final byte[] BOB = tron("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  private static final byte[] USDT = tron("a614f803b6fd780986a42c78ec9c7f77e6ded13c");

  private final PlainKey key = PlainKey.random();
  private final byte[] owner = tron(Keys.getAddress(publicKey(key)));

  @Test
  void signsATrxTransferThatProtobufJavaDecodesAndThatRecoversToTheWalletsAddress()
      throws Exception {
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1_500_000)),
                EXPIRES,
                0)
            .build()
            .toByteArray();

    TronTransaction tx = TronTransaction.parse(raw, key.publicKey(), NOW);
    TronContract.Transfer transfer = assertInstanceOf(TronContract.Transfer.class, tx.contract());
    assertEquals(base58Check(owner), transfer.owner());
    assertEquals(base58Check(BOB), transfer.recipient());
    assertEquals(1_500_000, transfer.sun());
    assertEquals(Instant.ofEpochMilli(EXPIRES), tx.expiration());
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(raw), tx.txid());

    SignedTronTransaction signed = tx.sign(key.sign(tx.txid()), key.publicKey());

    assertSignedBy(owner, raw, signed);
    assertEquals(tx.txidHex(), signed.txidHex());
  }

  @Test
  void signsATrc20TransferAndReadsTheTokenRecipientAndAmountFromTheCallData() throws Exception {
    BigInteger amount = new BigInteger("25000000");
    String data =
        FunctionEncoder.encode(
            new Function(
                "transfer",
                List.of(new Address(Hex.of(Arrays.copyOfRange(BOB, 1, 21))), new Uint256(amount)),
                List.of()));
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract(
                    "TriggerSmartContract",
                    TronProtos.trigger(owner, USDT, 0, Numeric.hexStringToByteArray(data))),
                EXPIRES,
                100_000_000)
            .build()
            .toByteArray();

    TronTransaction tx = TronTransaction.parse(raw, key.publicKey(), NOW);
    TronContract.Call call = assertInstanceOf(TronContract.Call.class, tx.contract());
    assertEquals(base58Check(USDT), call.recipient());
    assertEquals("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", call.contract(), "USDT on Tron");
    assertEquals(0, call.sun());
    assertEquals(100_000_000, tx.feeLimit());
    Trc20Transfer token = call.tokenTransfer().orElseThrow();
    assertEquals(base58Check(BOB), token.to());
    assertEquals(amount, token.amount());
    assertEquals(token, tx.tokenTransfer().orElseThrow());

    assertSignedBy(owner, raw, tx.sign(key.sign(tx.txid()), key.publicKey()));
  }

  @Test
  void readsAnotherContractCallAsDataWithoutATokenTransfer() throws Exception {
    String approve =
        FunctionEncoder.encode(
            new Function(
                "approve",
                List.of(new Address(Hex.of(Arrays.copyOfRange(BOB, 1, 21))), new Uint256(7)),
                List.of()));
    byte[] data = Numeric.hexStringToByteArray(approve);
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract(
                    "TriggerSmartContract", TronProtos.trigger(owner, USDT, 5_000_000, data)),
                EXPIRES,
                10_000_000)
            .build()
            .toByteArray();

    TronTransaction tx = TronTransaction.parse(raw, key.publicKey(), NOW);
    assertEquals(
        new TronContract.Call(
            base58Check(owner),
            base58Check(USDT),
            5_000_000,
            data,
            0,
            0,
            java.util.Optional.empty()),
        tx.contract());
    assertEquals(5_000_000, tx.contract().sun());
    assertTrue(tx.tokenTransfer().isEmpty());
    assertSignedBy(owner, raw, tx.sign(key.sign(tx.txid()), key.publicKey()));
  }

  @Test
  void keepsTheMemoAndThePermissionId() {
    DynamicMessage contract =
        TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1)).toBuilder()
            .setField(TronProtos.CONTRACT.findFieldByName("Permission_id"), 2)
            .build();
    byte[] raw =
        TronProtos.raw(contract, EXPIRES, 0)
            .setField(TronProtos.RAW.findFieldByName("data"), ByteString.copyFromUtf8("invoice 7"))
            .build()
            .toByteArray();

    TronTransaction tx = TronTransaction.parse(raw, key.publicKey(), NOW);
    assertEquals("invoice 7", new String(tx.memo(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, tx.permissionId());
  }

  /**
   * A TRC-20 transfer on the Nile testnet as TronGrid returned it, signed by java-tron's convention
   * (v = recovery id) and written with the 21-byte form of the recipient in the address word.
   */
  @Test
  void readsARealTrc20TransferWhoseTxidAndSignatureCheckOut() {
    byte[] raw =
        Hex.bytes(
            "0a028ad92208eaef69105495eb1540f09fc0cfcd335aae01081f12a9010a31747970652e676f6f676c6561"
                + "7069732e636f6d2f70726f746f636f6c2e54726967676572536d617274436f6e747261637412740a"
                + "1541495511a493d8c362be4267224e6d81013a6862ee121541eca9bc828a3005b9a3b909f2cc5c2a"
                + "54794de05f2244a9059cbb00000000000000000000004150125bea243a640bf85348873b6c4f3c51"
                + "7aee7a0000000000000000000000000000000000000000000000000000000000000001709"
                + "0cbbccfcd33900180c2d72f");
    TronTransaction tx = TronTransaction.read(raw, Instant.ofEpochMilli(1773182854544L));
    assertEquals("c70b20da8cb8d96a99c1aceb283412acb9dea313a9e467178431a3c6ae8b9f08", tx.txidHex());
    TronContract.Call call = (TronContract.Call) tx.contract();
    assertEquals(base58Check(tron("495511a493d8c362be4267224e6d81013a6862ee")), call.owner());
    assertEquals(base58Check(tron("eca9bc828a3005b9a3b909f2cc5c2a54794de05f")), call.contract());
    assertEquals(100_000_000, tx.feeLimit());
    assertEquals(
        new Trc20Transfer(
            base58Check(tron("50125bea243a640bf85348873b6c4f3c517aee7a")), BigInteger.ONE),
        call.tokenTransfer().orElseThrow());
    byte[] sig =
        Hex.bytes(
            "1788bf0281f67c42f5a09322523edee9969e808a863776f21ab6543de9dd42ca0e4955577879df80740"
                + "86c620eb96709ba9a95d60a166de190a081e8d69801da00");
    assertEquals(call.owner(), base58Check(tron(Keys.getAddress(recover(tx.txid(), sig)))));
  }

  /** A TRX transfer on the Nile testnet as TronGrid's {@code createtransaction} returned it. */
  @Test
  void readsARealTrxTransfer() {
    byte[] raw =
        Hex.bytes(
            "0a028acb22087c571ea3e7e9dbf340c8f1c0cfcd335a66080112620a2d747970652e676f6f676c6561706973"
                + "2e636f6d2f70726f746f636f6c2e5472616e73666572436f6e747261637412310a1541eca9bc828a"
                + "3005b9a3b909f2cc5c2a54794de05f121541495511a493d8c362be4267224e6d81013a6862ee18e8"
                + "07708da3bdcfcd33");
    TronTransaction tx = TronTransaction.read(raw, Instant.ofEpochMilli(1773182865805L));
    assertEquals("ae80c7aa55e19c2da5e712d4be50e4c9422dd6bfc99039cc42d5deb76938c0e7", tx.txidHex());
    assertEquals(
        new TronContract.Transfer(
            base58Check(tron("eca9bc828a3005b9a3b909f2cc5c2a54794de05f")),
            base58Check(tron("495511a493d8c362be4267224e6d81013a6862ee")),
            1000),
        tx.contract());
  }

  @Test
  void refusesASignatureByAnotherKey() {
    TronTransaction tx = TronTransaction.parse(transfer(BOB, 1), key.publicKey(), NOW);
    assertThrows(
        IllegalArgumentException.class,
        () -> tx.sign(PlainKey.random().sign(tx.txid()), key.publicKey()));
  }

  // --- refusals, each naming the field as TronWeb's JSON of the transaction does ---

  @Test
  void rejectsAnEmptyOrOversizedTransaction() {
    assertRefused("transaction", new byte[0]);
    assertRefused("transaction", new byte[TronTransaction.MAX_BYTES + 1]);
  }

  @Test
  void rejectsAnotherWalletsTransaction() {
    byte[] someoneElse = tron(Keys.getAddress(publicKey(PlainKey.random())));
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract("TransferContract", TronProtos.transfer(someoneElse, BOB, 1)),
                EXPIRES,
                0)
            .build()
            .toByteArray();
    assertRefused("transaction.contract[0].parameter.value.owner_address", raw);
  }

  @Test
  void rejectsAnUnknownField() throws IOException {
    // delaySeconds (19) was in Tron.proto once; nothing unread may ride along.
    assertRefused("transaction", concat(transfer(BOB, 1), varint(19, 5)));
  }

  @Test
  void rejectsADuplicateField() throws IOException {
    byte[] raw = transfer(BOB, 1);
    byte[] twice = concat(raw, varint(18, 7), varint(18, 8));
    assertRefused("transaction.fee_limit", twice);
  }

  @Test
  void rejectsFieldsOutOfOrder() throws IOException {
    // A fee limit (18) before the timestamp (14) decodes the same but is not how protobuf
    // writes it, so java-tron's txid would differ from the one signed.
    byte[] raw = transfer(BOB, 1);
    assertRefused("transaction.ref_block_bytes", concat(varint(18, 7), raw));
  }

  @Test
  void rejectsANonMinimalVarint() {
    byte[] raw = transfer(BOB, 1);
    byte[] padded = concat(raw, new byte[] {(byte) 0x90, 0x01, (byte) 0x87, 0x00});
    assertRefused("transaction.fee_limit", padded);
  }

  @Test
  void rejectsADefaultValueWrittenOut() throws IOException {
    assertRefused("transaction.fee_limit", concat(transfer(BOB, 1), varint(18, 0)));
  }

  @Test
  void rejectsALengthThatRunsPastTheEnd() {
    byte[] head =
        TronProtos.raw(
                TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1)),
                EXPIRES,
                0)
            .clearField(TronProtos.RAW.findFieldByName("contract"))
            .clearField(TronProtos.RAW.findFieldByName("timestamp"))
            .build()
            .toByteArray();
    byte[] cut = {11 << 3 | 2, 0x7f, 1, 2, 3}; // a contract of 127 bytes, 3 of them there
    assertRefused("transaction.contract", concat(head, cut));
  }

  @Test
  void rejectsAWireTypeTronDoesNotUse() {
    // field 18 as fixed64 (wire type 1): the tag 18 << 3 | 1 = 145 is the varint 0x91 0x01
    byte[] fixed = new byte[10];
    fixed[0] = (byte) 0x91;
    fixed[1] = 0x01;
    assertRefused("transaction", concat(transfer(BOB, 1), fixed));
  }

  @Test
  void rejectsTheWrongWireTypeForAField() throws IOException {
    assertRefused("transaction.fee_limit", concat(transfer(BOB, 1), bytes(18, new byte[] {1})));
  }

  @Test
  void rejectsNoContractOrTwo() {
    DynamicMessage contract =
        TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1));
    byte[] none =
        TronProtos.raw(contract, EXPIRES, 0)
            .clearField(TronProtos.RAW.findFieldByName("contract"))
            .build()
            .toByteArray();
    byte[] two =
        TronProtos.raw(contract, EXPIRES, 0)
            .addRepeatedField(TronProtos.RAW.findFieldByName("contract"), contract)
            .build()
            .toByteArray();
    assertRefused("transaction.contract", none);
    assertRefused("transaction.contract", two);
  }

  @Test
  void rejectsOtherContractTypes() {
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract("TransferAssetContract", TronProtos.transfer(owner, BOB, 1)),
                EXPIRES,
                0)
            .build()
            .toByteArray();
    assertRefused("transaction.contract[0].type", raw);
  }

  @Test
  void rejectsAParameterWhoseTypeUrlIsNotTheContractType() {
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract("TriggerSmartContract", TronProtos.transfer(owner, BOB, 1)),
                EXPIRES,
                0)
            .build()
            .toByteArray();
    assertRefused("transaction.contract[0].parameter.type_url", raw);
  }

  @Test
  void rejectsMalformedAddresses() {
    byte[] short20 = Arrays.copyOfRange(BOB, 1, 21);
    byte[] ethPrefix = BOB.clone();
    ethPrefix[0] = (byte) 0xa0;
    assertRefused("transaction.contract[0].parameter.value.to_address", transfer(short20, 1));
    assertRefused("transaction.contract[0].parameter.value.to_address", transfer(ethPrefix, 1));
    byte[] call =
        TronProtos.raw(
                TronProtos.contract(
                    "TriggerSmartContract", TronProtos.trigger(owner, short20, 0, new byte[4])),
                EXPIRES,
                0)
            .build()
            .toByteArray();
    assertRefused("transaction.contract[0].parameter.value.contract_address", call);
  }

  @Test
  void rejectsATransferOfNothingOrToItself() {
    assertRefused("transaction.contract[0].parameter.value.amount", transfer(BOB, 0));
    assertRefused("transaction.contract[0].parameter.value.amount", transfer(BOB, -5));
    assertRefused("transaction.contract[0].parameter.value.to_address", transfer(owner, 1));
  }

  @Test
  void rejectsANegativeCallValue() {
    byte[] raw =
        TronProtos.raw(
                TronProtos.contract(
                    "TriggerSmartContract", TronProtos.trigger(owner, USDT, -1, new byte[0])),
                EXPIRES,
                0)
            .build()
            .toByteArray();
    assertRefused("transaction.contract[0].parameter.value.call_value", raw);
  }

  @Test
  void rejectsAnExpiredAMissingOrAFarExpiration() {
    DynamicMessage contract =
        TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1));
    long day = 24 * 3600_000L;
    for (long expiration : new long[] {NOW.toEpochMilli(), NOW.toEpochMilli() + day + 1}) {
      assertRefused(
          "transaction.expiration", TronProtos.raw(contract, expiration, 0).build().toByteArray());
    }
    assertRefused(
        "transaction.expiration",
        TronProtos.raw(contract, EXPIRES, 0)
            .clearField(TronProtos.RAW.findFieldByName("expiration"))
            .build()
            .toByteArray());
    TronTransaction.parse(
        TronProtos.raw(contract, NOW.toEpochMilli() + day, 0).build().toByteArray(),
        key.publicKey(),
        NOW);
  }

  @Test
  void rejectsAMissingOrMalformedReferenceBlock() {
    DynamicMessage contract =
        TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1));
    assertRefused(
        "transaction.ref_block_hash",
        TronProtos.raw(contract, EXPIRES, 0)
            .clearField(TronProtos.RAW.findFieldByName("ref_block_hash"))
            .build()
            .toByteArray());
    assertRefused(
        "transaction.ref_block_bytes",
        TronProtos.raw(contract, EXPIRES, 0)
            .setField(TronProtos.RAW.findFieldByName("ref_block_bytes"), ByteString.fromHex("01"))
            .build()
            .toByteArray());
  }

  @Test
  void rejectsFieldsWeDoNotSign() {
    DynamicMessage contract =
        TronProtos.contract("TransferContract", TronProtos.transfer(owner, BOB, 1));
    assertRefused(
        "transaction.scripts",
        TronProtos.raw(contract, EXPIRES, 0)
            .setField(TronProtos.RAW.findFieldByName("scripts"), ByteString.fromHex("00"))
            .build()
            .toByteArray());
    DynamicMessage withProvider =
        contract.toBuilder()
            .setField(TronProtos.CONTRACT.findFieldByName("provider"), ByteString.fromHex("41"))
            .build();
    assertRefused(
        "transaction.contract[0].provider",
        TronProtos.raw(withProvider, EXPIRES, 0).build().toByteArray());
  }

  @Test
  void rejectsATrc20TransferWhoseCallDataIsMalformed() {
    byte[] good =
        Numeric.hexStringToByteArray(
            FunctionEncoder.encode(
                new Function(
                    "transfer",
                    List.of(new Address(Hex.of(Arrays.copyOfRange(BOB, 1, 21))), new Uint256(1)),
                    List.of())));
    byte[] dirty = good.clone();
    dirty[4 + 11] = 0x42; // not the 0x41 of the 21-byte form
    byte[] misplaced = good.clone();
    misplaced[4 + 10] = 0x41;
    byte[] longer = Arrays.copyOf(good, good.length + 32);
    for (byte[] data : List.of(dirty, misplaced, longer, Arrays.copyOf(good, 36))) {
      byte[] raw =
          TronProtos.raw(
                  TronProtos.contract(
                      "TriggerSmartContract", TronProtos.trigger(owner, USDT, 0, data)),
                  EXPIRES,
                  0)
              .build()
              .toByteArray();
      assertRefused("transaction.contract[0].parameter.value.data", raw);
    }
  }

  // --- independent checks and builders ---

  /**
   * The signed bytes decode with protobuf-java to our raw_data and one 65-byte signature whose
   * signer, recovered by web3j from SHA-256(raw_data), has the wallet's Tron address.
   */
  private static void assertSignedBy(byte[] owner, byte[] raw, SignedTronTransaction signed)
      throws Exception {
    TronProtos.Signed decoded = TronProtos.decode(signed.transaction());
    assertTrue(decoded.noUnknownFields());
    assertArrayEquals(raw, decoded.rawData());
    assertEquals(1, decoded.signatures().size());
    byte[] sig = decoded.signatures().get(0);
    assertArrayEquals(signed.signature(), sig);
    assertEquals(65, sig.length);
    assertTrue(sig[64] == 27 || sig[64] == 28, "v = 27 + recovery id, as TronWeb writes it");
    byte[] txid = MessageDigest.getInstance("SHA-256").digest(raw);
    assertArrayEquals(txid, signed.txid());
    assertEquals(base58Check(owner), base58Check(tron(Keys.getAddress(recover(txid, sig)))));
    assertEquals(-1, new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)).compareTo(HALF_N));
  }

  /** web3j's recovery; v may be the recovery id (java-tron) or 27 + it (TronWeb). */
  private static BigInteger recover(byte[] txid, byte[] sig) {
    byte v = (byte) (sig[64] < 27 ? sig[64] + 27 : sig[64]);
    try {
      return Sign.signedMessageHashToKey(
          txid,
          new Sign.SignatureData(
              v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64)));
    } catch (java.security.SignatureException e) {
      throw new AssertionError(e);
    }
  }

  private static final BigInteger HALF_N =
      new BigInteger("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);

  private void assertRefused(String field, byte[] raw) {
    ChainFormatException e =
        assertThrows(
            ChainFormatException.class,
            () -> TronTransaction.parse(raw, key.publicKey(), NOW),
            field);
    assertEquals(field, e.field(), e.getMessage());
  }

  private byte[] transfer(byte[] to, long amount) {
    return TronProtos.raw(
            TronProtos.contract("TransferContract", TronProtos.transfer(owner, to, amount)),
            EXPIRES,
            0)
        .build()
        .toByteArray();
  }

  private static BigInteger publicKey(PlainKey key) {
    byte[] xy = key.publicKey().getEncoded(false);
    return new BigInteger(1, Arrays.copyOfRange(xy, 1, 65));
  }

  /** {@code 0x41 ‖ account id}, the address as Tron's protobuf carries it. */
  private static byte[] tron(String accountHex) {
    return concat(new byte[] {0x41}, Numeric.hexStringToByteArray(accountHex));
  }

  /** Base58Check as bitcoinj computes it (version byte 0x41, double SHA-256 checksum). */
  private static String base58Check(byte[] address) {
    return Base58.encodeChecked(address[0] & 0xff, Arrays.copyOfRange(address, 1, 21));
  }

  private static byte[] varint(int number, long value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(out);
    c.writeInt64(number, value); // written even when 0, unlike a message's field
    c.flush();
    return out.toByteArray();
  }

  private static byte[] bytes(int number, byte[] value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(out);
    c.writeByteArray(number, value);
    c.flush();
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
