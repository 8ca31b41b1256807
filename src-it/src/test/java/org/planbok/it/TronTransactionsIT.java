package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bitcoinj.core.Base58;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * A customer's Tron wallet signs a TRX transfer and a TRC-20 transfer through both nodes. The
 * transactions are written with protobuf-java, the signed transaction is read back with its generic
 * parser, the signer is recovered by web3j from SHA-256 of raw_data, and its Tron address is made
 * with bitcoinj's Base58Check: it must be the wallet's.
 */
@ExtendWith(ArquillianExtension.class)
class TronTransactionsIT {
  private static final String PIN = "531975";
  private static final byte[] BOB = tron("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  private static final byte[] USDT = tron("a614f803b6fd780986a42c78ec9c7f77e6ded13c");
  // One customer, key and wallet for the class: a key generation is the slow part.
  private static PinFlow customer;
  private static JsonObject wallet;
  private static byte[] owner;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void customerWithATronWallet() {
    if (wallet != null) {
      return;
    }
    PinFlow flow = PinFlow.withPin(Tenant.create(Api.node1(), "Tron Co " + UUID.randomUUID()), PIN);
    Api.Reply keys = flow.generateKeys(PIN, "secp256k1");
    assertEquals(201, keys.status(), keys.body());
    Api.Reply derived =
        flow.tenant()
            .post(
                flow.path("/wallets"),
                "{\"chain\": \"tron\", \"index\": 1}",
                "w-" + UUID.randomUUID());
    assertEquals(201, derived.status(), derived.body());
    customer = flow;
    owner = Base58.decodeChecked(derived.json().getString("address"));
    wallet = derived.json();
  }

  @Test
  void signsATrxTransferThatRecoversToTheWallet() throws Exception {
    byte[] raw = TronPayloads.transfer(owner, BOB, 2_500_000, inAMinute());

    JsonObject signed = sign(HexFormat.of().formatHex(raw));

    assertSignedByTheWallet(raw, signed);
  }

  @Test
  void signsATrc20TransferThatRecoversToTheWallet() throws Exception {
    String data =
        FunctionEncoder.encode(
            new Function(
                "transfer",
                List.of(
                    new Address(HexFormat.of().formatHex(Arrays.copyOfRange(BOB, 1, 21))),
                    new Uint256(BigInteger.valueOf(10_000_000))),
                List.of()));
    byte[] raw =
        TronPayloads.trigger(owner, USDT, HexFormat.of().parseHex(data.substring(2)), inAMinute());

    JsonObject signed = sign("0x" + HexFormat.of().formatHex(raw));

    assertSignedByTheWallet(raw, signed);
  }

  @Test
  void malformedTronTransactionsAreRefusedNamingTheFieldAndSignNothing() {
    byte[] someoneElse = BOB;
    assertField(
        signReply(hex(TronPayloads.transfer(someoneElse, owner, 1, inAMinute()))),
        "transaction.contract[0].parameter.value.owner_address");
    assertField(
        signReply(hex(TronPayloads.transfer(owner, BOB, 1, System.currentTimeMillis() - 1_000))),
        "transaction.expiration");
    assertField(
        signReply(hex(TronPayloads.transfer(owner, BOB, 0, inAMinute()))),
        "transaction.contract[0].parameter.value.amount");
    byte[] truncated = TronPayloads.transfer(owner, BOB, 1, inAMinute());
    assertField(signReply(hex(Arrays.copyOf(truncated, 30))), "transaction.contract");
    assertField(signReply("c0ffee"), "transaction");
    assertField(signReply("not hex"), "transaction");
    Api.Reply psbt =
        customer
            .tenant()
            .post(
                signaturesPath(),
                Json.createObjectBuilder()
                    .add("type", "psbt")
                    .add("psbt", "cHNidP8=")
                    .add("encryptedSecret", customer.secret(PIN))
                    .build()
                    .toString(),
                "s-" + UUID.randomUUID());
    assertField(psbt, "type");
    assertEquals(200, customer.verify(PIN).status(), "no wrong PIN was counted");
  }

  /**
   * The answer's transaction holds exactly our raw_data and one signature, which is the answer's
   * signature, whose v is 27 + recovery id, and whose signer over SHA-256(raw_data) (the answer's
   * txid) has the wallet's Tron address.
   */
  private void assertSignedByTheWallet(byte[] raw, JsonObject signed) throws Exception {
    assertSignedBy(wallet, raw, signed);
  }

  /** As {@link #assertSignedByTheWallet}, for any Tron wallet (TronPoliciesIT signs with one). */
  static void assertSignedBy(JsonObject wallet, byte[] raw, JsonObject signed) throws Exception {
    assertEquals("transaction", signed.getString("type"));
    assertEquals(wallet.getString("address"), signed.getString("address"));
    TronPayloads.Signed decoded =
        TronPayloads.Signed.decode(HexFormat.of().parseHex(signed.getString("transaction")));
    assertEquals(2, decoded.fieldCount());
    assertEquals(1, decoded.rawData().size());
    assertArrayEquals(raw, decoded.rawData().get(0).toByteArray());
    assertEquals(1, decoded.signatures().size());
    byte[] sig = decoded.signatures().get(0).toByteArray();
    assertEquals(signed.getString("signature"), HexFormat.of().formatHex(sig));
    assertEquals(65, sig.length);
    assertTrue(sig[64] == 27 || sig[64] == 28, "v as TronWeb writes it");
    byte[] txid = MessageDigest.getInstance("SHA-256").digest(raw);
    assertEquals(HexFormat.of().formatHex(txid), signed.getString("txid"));
    BigInteger key =
        Sign.signedMessageHashToKey(
            txid,
            new Sign.SignatureData(
                sig[64], Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64)));
    byte[] account = HexFormat.of().parseHex(Keys.getAddress(key));
    assertEquals(wallet.getString("address"), Base58.encodeChecked(0x41, account));
  }

  private JsonObject sign(String transactionHex) {
    Api.Reply reply = signReply(transactionHex);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private Api.Reply signReply(String transactionHex) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", "transaction")
            .add("transaction", transactionHex)
            .add("encryptedSecret", customer.secret(PIN));
    return customer
        .tenant()
        .post(signaturesPath(), body.build().toString(), "s-" + UUID.randomUUID());
  }

  private String signaturesPath() {
    return customer.path("/wallets/" + wallet.getString("id") + "/signatures");
  }

  private static void assertField(Api.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(field, reply.json().getString("field"), reply.body());
  }

  private static long inAMinute() {
    return System.currentTimeMillis() + 60_000;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] tron(String accountHex) {
    byte[] a = new byte[21];
    a[0] = 0x41;
    System.arraycopy(HexFormat.of().parseHex(accountHex), 0, a, 1, 20);
    return a;
  }
}
