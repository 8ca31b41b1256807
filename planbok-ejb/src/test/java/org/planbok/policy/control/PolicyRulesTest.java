package org.planbok.policy.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bitcoinj.core.Address;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.params.MainNetParams;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.hd.Base58;
import org.planbok.problem.ProblemException;
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
    ProblemException e = assertThrows(ProblemException.class, () -> PolicyDocument.parse(json));
    assertEquals(field, e.field(), e.getMessage());
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
