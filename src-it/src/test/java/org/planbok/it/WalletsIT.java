package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.bitcoinj.core.Base58;
import org.bitcoinj.core.Coin;
import org.bitcoinj.core.DumpedPrivateKey;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.LegacyAddress;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.core.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.params.TestNet3Params;
import org.bitcoinj.script.ScriptBuilder;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.kit.ExportKey;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The integrator's flow end to end on the real servers, for every chain: keys, wallets, signatures
 * in each chain's format and exports. Every address is checked against the one an independent
 * library derives from the exported key (web3j, bitcoinj, BouncyCastle's curve arithmetic), and
 * every signature with that chain's own tooling.
 */
@ExtendWith(ArquillianExtension.class)
class WalletsIT {
  private static final String PIN = "864209";
  private final Api api = Api.node1();
  private PinFlow customer;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void customerWithKeys() {
    customer = PinFlow.withPin(Tenant.create(api, "Wallets Co " + UUID.randomUUID()), PIN);
    Api.Reply keys = customer.generateKeys(PIN, "secp256k1", "ed25519");
    assertEquals(201, keys.status(), keys.body());
  }

  @Test
  void ethereumAddressSignaturesTransactionsAndExportAgreeWithWeb3j() throws Exception {
    JsonObject wallet = wallet("ethereum", 0, null);
    String address = wallet.getString("address");
    assertEquals(Keys.toChecksumAddress(address), address, "EIP-55");
    assertEquals("m/44/60/0/0/0", wallet.getString("path"));

    JsonObject opened = export(wallet, null);
    assertEquals("hex", opened.getString("format"));
    Credentials exported = Credentials.create(opened.getString("privateKey"));
    assertEquals(address.toLowerCase(), exported.getAddress(), "web3j derives the same address");

    JsonObject personal =
        sign(
            wallet,
            Json.createObjectBuilder()
                .add("type", "personal_sign")
                .add("message", "Sign in to Acme"));
    byte[] sig = Numeric.hexStringToByteArray(personal.getString("signature"));
    BigInteger signer =
        Sign.signedPrefixedMessageToKey(
            "Sign in to Acme".getBytes(StandardCharsets.UTF_8), signatureData(sig));
    assertEquals(address.toLowerCase(), "0x" + Keys.getAddress(signer));

    String typed = mailTypedData();
    JsonObject typedSig =
        sign(
            wallet,
            Json.createObjectBuilder()
                .add("type", "typed_data")
                .add("typedData", Json.createReader(new StringReader(typed)).readObject())
                .add("chainId", 1));
    byte[] hash = new StructuredDataEncoder(typed).hashStructuredData();
    assertEquals("0x" + HexFormat.of().formatHex(hash), typedSig.getString("digest"));
    BigInteger typedSigner =
        Sign.signedMessageHashToKey(
            hash, signatureData(Numeric.hexStringToByteArray(typedSig.getString("signature"))));
    assertEquals(address.toLowerCase(), "0x" + Keys.getAddress(typedSigner));

    RawTransaction eip1559 =
        RawTransaction.createTransaction(
            137,
            BigInteger.valueOf(4),
            BigInteger.valueOf(21_000),
            "0x3535353535353535353535353535353535353535",
            BigInteger.TEN.pow(17),
            "",
            BigInteger.valueOf(2_000_000_000L),
            BigInteger.valueOf(80_000_000_000L));
    assertSentFrom(address, evmTransaction(wallet, TransactionEncoder.encode(eip1559), 137));
    RawTransaction legacy =
        RawTransaction.createEtherTransaction(
            BigInteger.ONE,
            BigInteger.valueOf(20_000_000_000L),
            BigInteger.valueOf(21_000),
            "0x3535353535353535353535353535353535353535",
            BigInteger.TEN.pow(15));
    assertSentFrom(address, evmTransaction(wallet, TransactionEncoder.encode(legacy, 1L), 1));

    assertEquals(1, get(wallet).getInt("exportCount"), "the export is recorded");
  }

  @Test
  void bitcoinAddressesMatchBitcoinjAndThePsbtIsFinalizedAndVerifies() throws Exception {
    NetworkParameters main = MainNetParams.get();
    JsonObject segwit = wallet("bitcoin", 3, null);
    assertEquals("m/84/0/0/0/3", segwit.getString("path"));
    JsonObject opened = export(segwit, null);
    assertEquals("wif", opened.getString("format"));
    ECKey key = DumpedPrivateKey.fromBase58(main, opened.getString("privateKey")).getKey();
    assertEquals(SegwitAddress.fromKey(main, key).toString(), segwit.getString("address"));

    JsonObject legacy = wallet("bitcoin", 3, "p2pkh");
    ECKey legacyKey =
        DumpedPrivateKey.fromBase58(main, export(legacy, null).getString("privateKey")).getKey();
    assertEquals(LegacyAddress.fromKey(main, legacyKey).toString(), legacy.getString("address"));

    JsonObject testnet = wallet("bitcoin-testnet", 0, null);
    ECKey testKey =
        DumpedPrivateKey.fromBase58(
                TestNet3Params.get(), export(testnet, null).getString("privateKey"))
            .getKey();
    assertEquals(
        SegwitAddress.fromKey(TestNet3Params.get(), testKey).toString(),
        testnet.getString("address"));

    byte[] script = ScriptBuilder.createP2WPKHOutputScript(key).getProgram();
    byte[] psbt = ChainPayloads.psbt(main, script, 40_000, 25_000);
    JsonObject signed =
        sign(
            segwit,
            Json.createObjectBuilder()
                .add("type", "psbt")
                .add("psbt", Base64.getEncoder().encodeToString(psbt)));
    Transaction tx =
        new Transaction(main, HexFormat.of().parseHex(signed.getString("transaction")));
    assertEquals(tx.getTxId().toString(), signed.getString("txid"));
    long[] amounts = {40_000, 25_000};
    for (int i = 0; i < amounts.length; i++) {
      Sha256Hash sighash =
          tx.hashForWitnessSignature(
              i,
              ScriptBuilder.createP2PKHOutputScript(key),
              Coin.valueOf(amounts[i]),
              Transaction.SigHash.ALL,
              false);
      TransactionSignature s =
          TransactionSignature.decodeFromBitcoin(
              tx.getInput(i).getWitness().getPush(0), true, true);
      assertTrue(key.verify(sighash, s), "input " + i + " verifies with bitcoinj");
      tx.getInput(i)
          .getScriptSig()
          .correctlySpends(
              tx,
              i,
              tx.getInput(i).getWitness(),
              Coin.valueOf(amounts[i]),
              ScriptBuilder.createP2WPKHOutputScript(key),
              org.bitcoinj.script.Script.ALL_VERIFY_FLAGS);
    }

    byte[] foreign =
        ChainPayloads.psbt(
            main, ScriptBuilder.createP2WPKHOutputScript(new ECKey()).getProgram(), 9_000);
    Api.Reply refused =
        signReply(
            segwit,
            Json.createObjectBuilder()
                .add("type", "psbt")
                .add("psbt", Base64.getEncoder().encodeToString(foreign)));
    assertProblem(refused, 400, "invalid-field");
    assertEquals("psbt.inputs[0]", refused.json().getString("field"));
  }

  @Test
  void tronAddressIsBase58CheckOfTheExportedKeysAccount() throws Exception {
    JsonObject tron = wallet("tron", 0, null);
    JsonObject opened = export(tron, null);
    Credentials key = Credentials.create(opened.getString("privateKey"));
    byte[] account = Numeric.hexStringToByteArray(key.getAddress());
    byte[] payload = new byte[21];
    payload[0] = 0x41;
    System.arraycopy(account, 0, payload, 1, 20);
    byte[] check = Sha256Hash.hashTwice(payload);
    byte[] withCheck = java.util.Arrays.copyOf(payload, 25);
    System.arraycopy(check, 0, withCheck, 21, 4);
    assertEquals(Base58.encode(withCheck), tron.getString("address"));
  }

  @Test
  void solanaAndNearKeysAndSignaturesCheckOutWithBouncyCastle() throws Exception {
    JsonObject solana = wallet("solana", 2, null);
    JsonObject near = wallet("near", 2, null);
    byte[] publicKey = HexFormat.of().parseHex(solana.getString("publicKey"));
    assertEquals(Base58.encode(publicKey), solana.getString("address"));
    assertEquals(
        HexFormat.of().formatHex(publicKey), near.getString("address"), "one key, two chains");

    JsonObject opened = export(solana, null);
    assertEquals("ed25519-expanded", opened.getString("format"));
    byte[] expanded = HexFormat.of().parseHex(opened.getString("privateKey"));
    assertArrayEquals(
        publicKey,
        Ed25519Scalars.publicKey(java.util.Arrays.copyOf(expanded, 32)),
        "BouncyCastle's curve arithmetic gives the same public key for the exported scalar");
    JsonObject scalar = export(near, "ed25519-scalar");
    assertEquals(64, scalar.getString("privateKey").length());

    byte[] recipient = HexFormat.of().parseHex(wallet("solana", 9, null).getString("publicKey"));
    byte[] message = ChainPayloads.solanaTransfer(publicKey, recipient, 1_000_000);
    JsonObject tx =
        sign(
            solana,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Base64.getEncoder().encodeToString(message)));
    byte[] wire = Base64.getDecoder().decode(tx.getString("transaction"));
    assertEquals(1, wire[0]);
    byte[] signature = java.util.Arrays.copyOfRange(wire, 1, 65);
    assertArrayEquals(message, java.util.Arrays.copyOfRange(wire, 65, wire.length));
    assertEquals(Base58.encode(signature), tx.getString("signature"));
    assertTrue(Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length));

    byte[] nearTx = ChainPayloads.nearTransfer(near.getString("address"), publicKey, "bob.near");
    JsonObject nearSigned =
        sign(
            near,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Base64.getEncoder().encodeToString(nearTx)));
    byte[] signedTx = Base64.getDecoder().decode(nearSigned.getString("signedTransaction"));
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(nearTx);
    assertEquals(Base58.encode(hash), nearSigned.getString("hash"));
    assertArrayEquals(nearTx, java.util.Arrays.copyOf(signedTx, nearTx.length));
    assertEquals(0, signedTx[nearTx.length], "ed25519 signature tag");
    byte[] nearSig = java.util.Arrays.copyOfRange(signedTx, nearTx.length + 1, signedTx.length);
    assertTrue(Ed25519.verify(nearSig, 0, publicKey, 0, hash, 0, hash.length));
  }

  /**
   * Issue 13: wallet 0 of a Solana or NEAR key is the key itself, made from a seed no machine held;
   * its export is that seed, and BouncyCastle's Ed25519 derives the wallet's own key from it, as
   * Phantom, the Solana CLI and MyNearWallet do. A derived wallet has no seed to give.
   */
  @Test
  void walletZeroExportsTheSeedWalletsImport() throws Exception {
    JsonObject solana = wallet("solana", 0, null);
    JsonObject near = wallet("near", 0, null);
    assertEquals("m", solana.getString("path"));
    byte[] publicKey = HexFormat.of().parseHex(solana.getString("publicKey"));

    byte[] keypair = Base58.decode(export(solana, "solana-keypair").getString("privateKey"));
    assertEquals(64, keypair.length);
    byte[] seed = java.util.Arrays.copyOf(keypair, 32);
    assertArrayEquals(publicKey, java.util.Arrays.copyOfRange(keypair, 32, 64));
    assertArrayEquals(
        publicKey,
        new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(seed, 0)
            .generatePublicKey()
            .getEncoded(),
        "the seed is the key's, as a seed wallet derives it");
    assertEquals(Base58.encode(publicKey), solana.getString("address"));

    JsonArray file =
        Json.createReader(
                new java.io.StringReader(
                    export(solana, "solana-keypair-json").getString("privateKey")))
            .readArray();
    byte[] fromFile = new byte[file.size()];
    for (int i = 0; i < fromFile.length; i++) {
      fromFile[i] = (byte) file.getInt(i);
    }
    assertArrayEquals(keypair, fromFile, "the Solana CLI's keypair file holds the same 64 bytes");

    String nearKey = export(near, "near-keypair").getString("privateKey");
    assertTrue(nearKey.startsWith("ed25519:"), nearKey);
    assertArrayEquals(keypair, Base58.decode(nearKey.substring("ed25519:".length())));

    JsonObject derived = wallet("solana", 1, null);
    DeviceKeys device = new DeviceKeys();
    JsonObject body =
        device
            .exportBody(
                customer,
                PIN,
                derived,
                DeviceKeys.challenge(customer, derived.getString("id")),
                DeviceKeys.pinnedExportKey(api))
            .build();
    assertField(exportWith(derived, body, "format", "solana-keypair"), "format");
    assertField(exportWith(solana, body, "format", "near-keypair"), "format");
  }

  @Test
  void walletsAreDerivedOnceListedAndPaged() {
    JsonObject first = wallet("ethereum", 0, null);
    Api.Reply again = derive("ethereum", 0, null);
    assertEquals(200, again.status(), again.body());
    assertEquals(first.getString("id"), again.json().getString("id"));
    JsonObject other = wallet("ethereum", 1, null);
    assertNotEquals(first.getString("address"), other.getString("address"));
    wallet("solana", 0, null);
    Api.Reply page = customer.tenant().get(customer.path("/wallets?chain=ethereum&limit=1"));
    assertEquals(1, page.json().getJsonArray("items").size());
    String cursor = page.json().getString("nextCursor");
    Api.Reply next =
        customer.tenant().get(customer.path("/wallets?chain=ethereum&limit=1&cursor=" + cursor));
    assertEquals(
        other.getString("id"), next.json().getJsonArray("items").getJsonObject(0).getString("id"));
    assertTrue(next.json().isNull("nextCursor"));
    assertEquals(
        3, customer.tenant().get(customer.path("/wallets")).json().getJsonArray("items").size());
  }

  @Test
  void malformedPayloadsAreRefusedNamingTheFieldAndSignNothing() {
    JsonObject eth = wallet("ethereum", 0, null);
    assertField(derive("dogecoin", 0, null), "chain");
    assertField(derive("ethereum", 0, "p2pkh"), "format");
    assertField(
        signReply(
            eth,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", "0xc0ffee")
                .add("chainId", 1)),
        "transaction");
    RawTransaction tx =
        RawTransaction.createTransaction(
            5,
            BigInteger.ONE,
            BigInteger.valueOf(21_000),
            "0x3535353535353535353535353535353535353535",
            BigInteger.ONE,
            "",
            BigInteger.ONE,
            BigInteger.TWO);
    assertField(
        signReply(
            eth,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Numeric.toHexString(TransactionEncoder.encode(tx)))
                .add("chainId", 1)),
        "transaction.chainId");
    assertField(
        signReply(
            eth,
            Json.createObjectBuilder()
                .add("type", "personal_sign")
                .add("message", "x".repeat(70_000))),
        "message");
    assertField(
        signReply(eth, Json.createObjectBuilder().add("type", "psbt").add("psbt", "cHNidP8=")),
        "type");
    assertField(signReply(eth, Json.createObjectBuilder().add("type", "mint")), "type");
    assertField(
        signReply(eth, Json.createObjectBuilder().add("type", "digest").add("digest", "abc")),
        "digest");
    Api.Reply badDevice =
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + eth.getString("id") + "/export"),
                Json.createObjectBuilder()
                    .add("encryptedSecret", customer.secret(PIN))
                    .add("devicePublicKey", "A".repeat(43))
                    .build()
                    .toString(),
                "x-" + UUID.randomUUID());
    assertField(badDevice, "devicePublicKey");
    assertField(
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + eth.getString("id") + "/export"),
                Json.createObjectBuilder()
                    .add("encryptedSecret", customer.secret(PIN))
                    .add("devicePublicKey", new DeviceKeys().publicKey())
                    .add("format", "wif")
                    .build()
                    .toString(),
                "x-" + UUID.randomUUID()),
        "format");
    // A customer's export needs the device's authorization and its challenge, well formed.
    DeviceKeys device = new DeviceKeys();
    ExportKey exportKey = DeviceKeys.pinnedExportKey(api);
    JsonObject good =
        device
            .exportBody(
                customer, PIN, eth, DeviceKeys.challenge(customer, eth.getString("id")), exportKey)
            .build();
    assertField(exportWith(eth, good, "authorization", null), "authorization");
    assertField(exportWith(eth, good, "challenge", null), "challenge");
    assertField(exportWith(eth, good, "challenge", "A".repeat(42)), "challenge");
    assertField(exportWith(eth, good, "authorization", "A".repeat(100)), "authorization");
    assertField(exportWith(eth, good, "authorization", "A".repeat(1367)), "authorization");
    assertEquals(0, get(eth).getInt("exportCount"), "nothing was exported");
    assertEquals(200, customer.verify(PIN).status(), "no wrong PIN was counted");
  }

  @Test
  void aRelayedSecretWithASubstitutedDeviceKeyIsRefused() throws Exception {
    JsonObject eth = wallet("ethereum", 5, null);
    ExportKey exportKey = DeviceKeys.pinnedExportKey(api);
    // The customer's device authorizes an export to itself; the backend relays the body with
    // its own device key instead.
    JsonObject relayed =
        new DeviceKeys()
            .exportBody(
                customer, PIN, eth, DeviceKeys.challenge(customer, eth.getString("id")), exportKey)
            .build();
    Api.Reply substituted =
        exportWith(eth, relayed, "devicePublicKey", new DeviceKeys().publicKey());
    assertRefusal(substituted, 403, "export-not-authorized", "authorization");
    // The relayed authorization once more, now with the device's own key: its challenge is spent.
    assertRefusal(
        exportWith(eth, relayed, "format", "hex"), 403, "export-not-authorized", "authorization");
    // An authorization the backend seals itself, guessing the PIN key from encryptedSecret, for
    // another wallet's challenge, or garbled: all refused, and nothing released.
    DeviceKeys own = new DeviceKeys();
    String challenge = DeviceKeys.challenge(customer, eth.getString("id"));
    JsonObject garbled =
        own.exportBody(customer, PIN, eth, challenge, exportKey)
            .add(
                "authorization",
                "A"
                    .repeat(
                        own.exportBody(customer, PIN, eth, challenge, exportKey)
                            .build()
                            .getString("authorization")
                            .length()))
            .build();
    assertRefusal(
        exportWith(eth, garbled, "format", "hex"), 403, "export-not-authorized", "authorization");
    assertEquals(0, get(eth).getInt("exportCount"), "nothing was exported");
    assertEquals(200, customer.verify(PIN).status(), "the PIN still works");
    // The customer's own device, asking honestly, still gets the key.
    assertEquals(eth.getString("address"), export(eth, null).getString("address"));
  }

  /** POSTs {@code body} with {@code field} replaced (or removed, for null) to the export. */
  private Api.Reply exportWith(JsonObject wallet, JsonObject body, String field, String value) {
    JsonObjectBuilder changed = Json.createObjectBuilder(body);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.add(field, value);
    }
    return customer
        .tenant()
        .post(
            customer.path("/wallets/" + wallet.getString("id") + "/export"),
            changed.build().toString(),
            "x-" + UUID.randomUUID());
  }

  private static void assertRefusal(Api.Reply reply, int status, String type, String field) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals("https://planbok.org/problems/" + type, reply.json().getString("type"));
    assertEquals(field, reply.json().getString("field"));
  }

  @Test
  void wrongPinAnotherOrganizationAndAnotherCustomerAreRefused() {
    JsonObject eth = wallet("ethereum", 0, null);
    Api.Reply wrong =
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + eth.getString("id") + "/signatures"),
                Json.createObjectBuilder()
                    .add("encryptedSecret", customer.secret("000000"))
                    .add("type", "personal_sign")
                    .add("message", "hi")
                    .build()
                    .toString(),
                "w-" + UUID.randomUUID());
    assertProblem(wrong, 403, "wrong-pin");
    Tenant stranger = Tenant.create(api, "Stranger Wallets Co");
    assertProblem(stranger.get(customer.path("/wallets/" + eth.getString("id"))), 404, "not-found");
    PinFlow other = PinFlow.withPin(customer.tenant(), PIN);
    assertProblem(
        customer.tenant().get(other.path("/wallets/" + eth.getString("id"))), 404, "not-found");
    assertProblem(
        customer
            .tenant()
            .post(
                other.path("/wallets"),
                "{\"chain\": \"ethereum\", \"index\": 0}",
                "o-" + UUID.randomUUID()),
        409,
        "no-key");
  }

  private JsonObject wallet(String chain, int index, String format) {
    Api.Reply reply = derive(chain, index, format);
    assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
    return reply.json();
  }

  private Api.Reply derive(String chain, int index, String format) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("chain", chain).add("index", index);
    if (format != null) {
      body.add("format", format);
    }
    return customer
        .tenant()
        .post(customer.path("/wallets"), body.build().toString(), "w-" + UUID.randomUUID());
  }

  private JsonObject get(JsonObject wallet) {
    return customer.tenant().get(customer.path("/wallets/" + wallet.getString("id"))).json();
  }

  /** An export as the customer's device makes it with the kit: authorized, two parts opened. */
  private JsonObject export(JsonObject wallet, String format) throws Exception {
    JsonObject opened = new DeviceKeys().export(api, customer, PIN, wallet, format);
    assertEquals(wallet.getString("address"), opened.getString("address"));
    return opened;
  }

  private JsonObject sign(JsonObject wallet, JsonObjectBuilder payload) {
    Api.Reply reply = signReply(wallet, payload);
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  private Api.Reply signReply(JsonObject wallet, JsonObjectBuilder payload) {
    return customer
        .tenant()
        .post(
            customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
            payload.add("encryptedSecret", customer.secret(PIN)).build().toString(),
            "s-" + UUID.randomUUID());
  }

  private String evmTransaction(JsonObject wallet, byte[] unsigned, long chainId) {
    return sign(
            wallet,
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", Numeric.toHexString(unsigned))
                .add("chainId", chainId))
        .getString("rawTransaction");
  }

  private static void assertSentFrom(String address, String rawTransaction) throws Exception {
    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(rawTransaction);
    assertEquals(address.toLowerCase(), decoded.getFrom(), "the sender recovers to the wallet");
  }

  private static void assertField(Api.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals(field, reply.json().getString("field"), reply.body());
  }

  private static Sign.SignatureData signatureData(byte[] rsv) {
    return new Sign.SignatureData(
        rsv[64],
        java.util.Arrays.copyOfRange(rsv, 0, 32),
        java.util.Arrays.copyOfRange(rsv, 32, 64));
  }

  /** EIP-712's own example ("Mail"). */
  private static String mailTypedData() {
    return "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"},"
        + "{\"name\":\"verifyingContract\",\"type\":\"address\"}],"
        + "\"Person\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"wallet\",\"type\":\"address\"}],"
        + "\"Mail\":[{\"name\":\"from\",\"type\":\"Person\"},{\"name\":\"to\",\"type\":\"Person\"},"
        + "{\"name\":\"contents\",\"type\":\"string\"}]},\"primaryType\":\"Mail\","
        + "\"domain\":{\"name\":\"Ether Mail\",\"version\":\"1\",\"chainId\":1,"
        + "\"verifyingContract\":\"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC\"},"
        + "\"message\":{\"from\":{\"name\":\"Cow\",\"wallet\":\"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826\"},"
        + "\"to\":{\"name\":\"Bob\",\"wallet\":\"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"},"
        + "\"contents\":\"Hello, Bob!\"}}";
  }
}
