package org.planbok.policy.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Address;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.params.MainNetParams;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.hd.Base58;
import org.planbok.node2.api.vocabulary.PayloadKind;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.PlainKey;
import org.planbok.wallet.chain.bitcoin.BitcoinAddress;
import org.planbok.wallet.chain.bitcoin.BitcoinNetwork;
import org.planbok.wallet.chain.bitcoin.BitcoinTransaction;
import org.planbok.wallet.chain.bitcoin.Psbt;
import org.planbok.wallet.chain.evm.EvmChainId;
import org.planbok.wallet.chain.evm.TypedData;
import org.planbok.wallet.chain.evm.UnsignedEvmTransaction;
import org.planbok.wallet.chain.near.NearTransaction;
import org.planbok.wallet.chain.solana.SolanaMessage;
import org.planbok.wallet.chain.tron.TronAddress;
import org.planbok.wallet.chain.tron.TronProtos;
import org.planbok.wallet.chain.tron.TronTransaction;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The rules per chain on real payloads (web3j transactions, bitcoinj PSBTs, Solana and NEAR
 * messages laid out byte by byte), through the chain layer's parsers as signing uses them.
 */
class PolicyRulesTest {
  private static final String TO = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  private static final String OTHER = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final Instant TRON_NOW = Instant.parse("2026-12-05T12:00:00Z");
  private static final long TRON_EXPIRES = TRON_NOW.toEpochMilli() + 60_000;
  private static final String USDT_BASE58 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
  private static final byte[] USDT_TRON = tronWire(USDT_BASE58);
  private static final String BOB_TRON_BASE58 =
      TronAddress.fromAccountId(
          java.util.HexFormat.of().parseHex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
  private static final byte[] BOB_TRON = tronWire(BOB_TRON_BASE58);

  // --- documents -------------------------------------------------------------------------------

  @Test
  void theSameRulesWrittenDifferentlyHaveOneHash() {
    PolicyDocument a =
        PolicyDocument.parse(
            "{\"chains\":{\"ethereum\":{\"recipients\":{\"allow\":[\""
                + TO
                + "\"]},\"chainIds\":[137,1]}},\"rawDigest\":false}");
    PolicyDocument b =
        PolicyDocument.parse(
            "{\"chains\":{\"ethereum\":{\"chainIds\":[1,137],\"recipients\":{\"allow\":[\""
                + TO.toLowerCase()
                + "\"]}}}}");
    assertEquals(a.canonical(), b.canonical());
    assertArrayEquals(a.hash(), b.hash());
    assertEquals(a.canonical(), PolicyDocument.parse(a.canonical()).canonical());
  }

  @Test
  void rejectsAnUnknownMemberNamingIt() {
    assertInvalid("chains.ethereum.recipents", "{\"chains\":{\"ethereum\":{\"recipents\":{}}}}");
    assertInvalid("maxValue", "{\"maxValue\":\"1\"}");
  }

  @Test
  void rejectsAMalformedAddressNamingItsPosition() {
    assertInvalid(
        "chains.ethereum.recipients.allow[1]",
        "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"allow\":[\""
            + TO
            + "\",\"0x123\"]}}}}");
    assertInvalid(
        "chains.bitcoin.recipients.deny[0]",
        "{\"chains\":{\"bitcoin\":{\"recipients\":{\"deny\":[\"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx\"]}}}}");
    assertInvalid(
        "chains.solana.programs[0]", "{\"chains\":{\"solana\":{\"programs\":[\"0OIl\"]}}}");
  }

  @Test
  void rejectsRulesOfAnotherChainAndBadAmounts() {
    assertInvalid("chains.bitcoin.chainIds", "{\"chains\":{\"bitcoin\":{\"chainIds\":[1]}}}");
    assertInvalid("chains.ethereum.maxValue", "{\"chains\":{\"ethereum\":{\"maxValue\":\"1.5\"}}}");
    assertInvalid("chains.ethereum.maxValue", "{\"chains\":{\"ethereum\":{\"maxValue\":\"-1\"}}}");
    assertInvalid("chains.dogecoin", "{\"chains\":{\"dogecoin\":{}}}");
    assertInvalid("policy", "{\"chains\":{},\"chains\":{}}");
    assertInvalid("chains.ethereum.chainIds[0]", "{\"chains\":{\"ethereum\":{\"chainIds\":[0]}}}");
  }

  // --- ethereum --------------------------------------------------------------------------------

  @Test
  void anEvmTransferToAnAllowedRecipientOnAnAllowedChainIsAllowed() {
    PolicyDocument p = evmPolicy("\"maxValue\":\"2000000000000000000\"");
    assertTrue(PolicyRules.evaluate(p, evm(1, TO, ETHER)).allowed());
  }

  @Test
  void refusesAnEvmRecipientOffTheAllowListNamingTransactionTo() {
    assertRefused("recipients.allow", "transaction.to", evmPolicy(null), evm(1, OTHER, ETHER));
  }

  @Test
  void refusesADeniedEvmRecipient() {
    PolicyDocument p =
        PolicyDocument.parse(
            "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"deny\":[\""
                + OTHER
                + "\"]}}}}");
    assertRefused("recipients.deny", "transaction.to", p, evm(1, OTHER, ETHER));
    assertTrue(PolicyRules.evaluate(p, evm(1, TO, ETHER)).allowed());
  }

  @Test
  void refusesAnotherChainIdAndAValueAboveTheLimit() {
    PolicyDocument p = evmPolicy("\"maxValue\":\"1000000000000000000\"");
    assertRefused("chainIds", "chainId", p, evm(137, TO, ETHER));
    assertRefused("maxValue", "transaction.value", p, evm(1, TO, ETHER.add(BigInteger.ONE)));
  }

  @Test
  void refusesEveryChainThePolicyLeavesOut() {
    PolicyDocument p = PolicyDocument.parse("{\"chains\":{\"bitcoin\":{}}}");
    assertRefused("chains", "chain", p, evm(1, TO, ETHER));
  }

  @Test
  void personalSignAndRawDigestsAreRefusedUnlessAllowed() {
    SigningRequest message = SigningRequest.personalSign(utf8("Sign in to Acme"));
    assertRefused("personalSign", "message", evmPolicy(null), message);
    assertTrue(PolicyRules.evaluate(evmPolicy("\"personalSign\":true"), message).allowed());

    SigningRequest digest = SigningRequest.digest(Chain.ETHEREUM, new byte[32]);
    assertRefused("rawDigest", "digest", evmPolicy(null), digest);
    PolicyDocument raw =
        PolicyDocument.parse("{\"rawDigest\":true,\"chains\":{\"ethereum\":{\"chainIds\":[1]}}}");
    assertTrue(PolicyRules.evaluate(raw, digest).allowed());
    assertTrue(PolicyRules.evaluate(raw, SigningRequest.digest(null, new byte[32])).allowed());
    assertRefused(
        "rawDigest", "digest", evmPolicy(null), SigningRequest.digest(null, new byte[32]));
  }

  @Test
  void typedDataIsSignedOnlyForAListedDomain() {
    String json = resource("/org/planbok/wallet/chain/evm/mail.json");
    SigningRequest mail = SigningRequest.typedData(TypedData.parse(json), utf8(json));
    assertRefused("typedDataDomains", "typedData.domain", evmPolicy(null), mail);
    PolicyDocument byContract =
        evmPolicy(
            "\"typedDataDomains\":[{\"verifyingContract\":\"0xcccccccccccccccccccccccccccccccccccccccc\",\"chainId\":1}]");
    assertTrue(PolicyRules.evaluate(byContract, mail).allowed());
    PolicyDocument otherName = evmPolicy("\"typedDataDomains\":[{\"name\":\"Permit2\"}]");
    assertRefused("typedDataDomains", "typedData.domain", otherName, mail);
  }

  // --- bitcoin ---------------------------------------------------------------------------------

  @Test
  void psbtOutputsAreRecipientsAndChangeIsNotSpent() {
    ECPoint key = PlainKey.random().publicKey();
    byte[] own = BitcoinAddress.p2wpkhScript(key);
    Address to = SegwitAddress.fromKey(MainNetParams.get(), new ECKey());
    byte[] psbt = PolicyPayloads.psbt(MainNetParams.get(), own, 100_000, to, 60_000, 39_000);
    SigningRequest request = psbtRequest(psbt, own);
    assertEquals(BigInteger.valueOf(60_000), request.value());
    assertEquals(1, request.recipients().size(), "the change output is not a recipient");

    PolicyDocument allowTo =
        PolicyDocument.parse(
            "{\"chains\":{\"bitcoin\":{\"maxValue\":\"60000\",\"recipients\":{\"allow\":[\""
                + to
                + "\"]}}}}");
    assertTrue(PolicyRules.evaluate(allowTo, request).allowed());
    PolicyDocument allowOther =
        PolicyDocument.parse(
            "{\"chains\":{\"bitcoin\":{\"recipients\":{\"allow\":[\""
                + SegwitAddress.fromKey(MainNetParams.get(), new ECKey())
                + "\"]}}}}");
    assertRefused("recipients.allow", "psbt.outputs[0]", allowOther, request);
    PolicyDocument small =
        PolicyDocument.parse("{\"chains\":{\"bitcoin\":{\"maxValue\":\"59999\"}}}");
    assertRefused("maxValue", "psbt.outputs", small, request);
  }

  // --- solana ----------------------------------------------------------------------------------

  @Test
  void solanaInstructionsNeedListedProgramsAndTransfersAreCounted() {
    byte[] from = ed25519Key();
    byte[] to = Base58.decode("9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin");
    byte[] message = PolicyPayloads.solanaTransfer(from, to, new byte[32], 5_000_000);
    SigningRequest request =
        SigningRequest.solana(SolanaMessage.parse(message, new Ed25519Key(from)), from);
    assertEquals(BigInteger.valueOf(5_000_000), request.value());
    PolicyDocument noPrograms = PolicyDocument.parse("{\"chains\":{\"solana\":{}}}");
    assertRefused("programs", "transaction.instructions[0].programId", noPrograms, request);
    PolicyDocument system =
        PolicyDocument.parse(
            "{\"chains\":{\"solana\":{\"programs\":[\"11111111111111111111111111111111\"],"
                + "\"recipients\":{\"allow\":[\"9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin\"]},"
                + "\"maxValue\":\"5000000\"}}}");
    assertTrue(PolicyRules.evaluate(system, request).allowed());
    byte[] elsewhere = Base58.decode("GcdayuLaLyrdmUu324nahyv33G5poQdLUEZ1nEytDeP");
    SigningRequest other =
        SigningRequest.solana(
            SolanaMessage.parse(
                PolicyPayloads.solanaTransfer(from, elsewhere, new byte[32], 1),
                new Ed25519Key(from)),
            from);
    assertRefused("recipients.allow", "transaction.instructions[0].accounts[1]", system, other);
  }

  // --- near ------------------------------------------------------------------------------------

  @Test
  void nearReceiversAreRecipientsAndDepositsTheValue() {
    byte[] key = ed25519Key();
    String implicit = java.util.HexFormat.of().formatHex(key);
    byte[] tx = PolicyPayloads.nearTransfer(implicit, key, "bob.near", 1_000);
    SigningRequest request = SigningRequest.near(NearTransaction.parse(tx, new Ed25519Key(key)));
    assertEquals(BigInteger.valueOf(1_000), request.value());
    PolicyDocument p =
        PolicyDocument.parse(
            "{\"chains\":{\"near\":{\"recipients\":{\"allow\":[\"wrap.near\"]},\"maxValue\":\"999\"}}}");
    assertRefused("recipients.allow", "transaction.receiverId", p, request);
    PolicyDocument bob =
        PolicyDocument.parse(
            "{\"chains\":{\"near\":{\"recipients\":{\"allow\":[\"bob.near\"]},\"maxValue\":\"999\"}}}");
    assertRefused("maxValue", "transaction.actions", bob, request);
  }

  // --- tron ------------------------------------------------------------------------------------

  @Test
  void aTronTransferNamesItsToAddressAndCountsItsSun() {
    PlainKey key = PlainKey.random();
    SigningRequest request = tron(key, TronProtos.transfer(tronOwner(key), BOB_TRON, 1_500_000));
    assertEquals(PayloadKind.TRON_TRANSACTION, request.kind());
    assertEquals(BigInteger.valueOf(1_500_000), request.value());
    PolicyDocument bob = tronPolicy(BOB_TRON_BASE58, "1500000");
    assertTrue(PolicyRules.evaluate(bob, request).allowed());
    assertRefused(
        "recipients.allow",
        "transaction.contract[0].parameter.value.to_address",
        tronPolicy(USDT_BASE58, null),
        request);
    assertRefused(
        "maxValue",
        "transaction.contract[0].parameter.value.amount",
        tronPolicy(BOB_TRON_BASE58, "1499999"),
        request);
  }

  @Test
  void aTrc20TransferNeedsTheContractAndTheTokenRecipientAllowed() {
    PlainKey key = PlainKey.random();
    byte[] data =
        org.web3j.utils.Numeric.hexStringToByteArray(
            org.web3j.abi.FunctionEncoder.encode(
                new org.web3j.abi.datatypes.Function(
                    "transfer",
                    List.of(
                        new org.web3j.abi.datatypes.Address(
                            org.planbok.wallet.chain.Hex.of(
                                java.util.Arrays.copyOfRange(BOB_TRON, 1, 21))),
                        new org.web3j.abi.datatypes.generated.Uint256(25_000_000)),
                    List.of())));
    SigningRequest request =
        tron(key, TronProtos.trigger(tronOwner(key), USDT_TRON, 3, data), "TriggerSmartContract");
    assertEquals(BigInteger.valueOf(3), request.value(), "call_value in sun, not the tokens");

    PolicyDocument contractOnly = tronPolicy(USDT_BASE58, null);
    assertRefused(
        "recipients.allow", "transaction.contract[0].parameter.value.data", contractOnly, request);
    PolicyDocument bobOnly = tronPolicy(BOB_TRON_BASE58, null);
    assertRefused(
        "recipients.allow",
        "transaction.contract[0].parameter.value.contract_address",
        bobOnly,
        request);
    PolicyDocument both =
        PolicyDocument.parse(
            "{\"chains\":{\"tron\":{\"maxValue\":\"3\",\"recipients\":{\"allow\":[\""
                + USDT_BASE58
                + "\",\""
                + BOB_TRON_BASE58
                + "\"]}}}}");
    assertTrue(PolicyRules.evaluate(both, request).allowed());
    PolicyDocument denyBob =
        PolicyDocument.parse(
            "{\"chains\":{\"tron\":{\"recipients\":{\"deny\":[\"" + BOB_TRON_BASE58 + "\"]}}}}");
    assertRefused(
        "recipients.deny", "transaction.contract[0].parameter.value.data", denyBob, request);
    assertRefused(
        "maxValue",
        "transaction.contract[0].parameter.value.call_value",
        PolicyDocument.parse("{\"chains\":{\"tron\":{\"maxValue\":\"2\"}}}"),
        request);
  }

  // --- the rolling day -------------------------------------------------------------------------

  @Test
  void theRollingDayCountsWhatWasSignedBefore() {
    PolicyDocument p = evmPolicy("\"maxValuePerDay\":\"3000000000000000000\"");
    SigningRequest one = evm(1, TO, ETHER);
    assertTrue(PolicyRules.perDay(p, one, ETHER.multiply(BigInteger.TWO)).allowed());
    PolicyVerdict v =
        PolicyRules.perDay(p, one, ETHER.multiply(BigInteger.TWO).add(BigInteger.ONE));
    assertFalse(v.allowed());
    assertEquals("maxValuePerDay", v.rule());
    assertEquals("transaction.value", v.field());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static PolicyDocument evmPolicy(String extra) {
    return PolicyDocument.parse(
        "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"allow\":[\""
            + TO
            + "\"]}"
            + (extra == null ? "" : "," + extra)
            + "}}}");
  }

  static SigningRequest evm(long chainId, String to, BigInteger value) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.valueOf(7),
            BigInteger.valueOf(21_000),
            to,
            value,
            "0x",
            BigInteger.TEN.pow(9),
            BigInteger.TEN.pow(10));
    byte[] raw = TransactionEncoder.encode(tx);
    return SigningRequest.evmTransaction(
        UnsignedEvmTransaction.parse(raw, new EvmChainId(chainId)), raw);
  }

  private static PolicyDocument tronPolicy(String allowed, String maxValue) {
    return PolicyDocument.parse(
        "{\"chains\":{\"tron\":{\"recipients\":{\"allow\":[\""
            + allowed
            + "\"]}"
            + (maxValue == null ? "" : ",\"maxValue\":\"" + maxValue + "\"")
            + "}}}");
  }

  /** A Tron transaction of one TransferContract or TriggerSmartContract, as signing parses it. */
  private static SigningRequest tron(PlainKey key, DynamicMessage parameter) {
    return tron(key, parameter, "TransferContract");
  }

  private static SigningRequest tron(PlainKey key, DynamicMessage parameter, String type) {
    byte[] raw =
        TronProtos.raw(TronProtos.contract(type, parameter), TRON_EXPIRES, 100_000_000)
            .build()
            .toByteArray();
    return SigningRequest.tron(TronTransaction.parse(raw, key.publicKey(), TRON_NOW), raw);
  }

  /** {@code 0x41 ‖ account id} of the key, the owner address as Tron's protobuf carries it. */
  private static byte[] tronOwner(PlainKey key) {
    return tronWire(TronAddress.fromPublicKey(key.publicKey()));
  }

  private static byte[] tronWire(String base58) {
    byte[] out = new byte[21];
    out[0] = 0x41;
    System.arraycopy(TronAddress.accountId(base58, "address"), 0, out, 1, 20);
    return out;
  }

  private static SigningRequest psbtRequest(byte[] psbt, byte[] own) {
    Psbt parsed = Psbt.parse(psbt);
    List<SigningRequest.PsbtOutput> outputs = new ArrayList<>();
    for (BitcoinTransaction.Output o : parsed.unsignedTransaction().outputs()) {
      outputs.add(
          new SigningRequest.PsbtOutput(
              BitcoinAddress.ofScript(o.scriptPubKey(), BitcoinNetwork.MAINNET).orElse(null),
              o.value(),
              java.util.Arrays.equals(o.scriptPubKey(), own)));
    }
    return SigningRequest.psbt(Chain.BITCOIN, outputs, psbt);
  }

  private static void assertRefused(
      String rule, String field, PolicyDocument policy, SigningRequest request) {
    PolicyVerdict v = PolicyRules.evaluate(policy, request);
    assertFalse(v.allowed(), "expected a refusal by " + rule);
    assertEquals(rule, v.rule());
    assertEquals(field, v.field());
  }

  private static void assertInvalid(String field, String json) {
    Refused e = assertThrows(Refused.class, () -> PolicyDocument.parse(json));
    assertEquals(field, e.input(), e.getMessage());
  }

  /** A real ed25519 public key (RFC 8032 encoding), as a wallet's would be. */
  private static byte[] ed25519Key() {
    return new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
            new java.security.SecureRandom())
        .generatePublicKey()
        .getEncoded();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = PolicyRulesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
