package org.planbok.policy.control;

import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.wallet.chain.evm.EvmChainId;
import org.planbok.wallet.chain.evm.UnsignedEvmTransaction;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * What the policy check adds to an EVM signature on Node 1, without the store: the signing request
 * read from the parsed transaction, the rules of a policy with a 100-address allow list, and the
 * statement for Node 2 (SHA-256 of the payload, the policy set's hash); and, once per policy
 * version, parsing the stored document (then cached by hash).
 *
 * <p>{@code mvn -pl planbok-ejb -Pbenchmark test-compile exec:exec -Djmh.args="PolicyBenchmark -wi
 * 3 -i 5 -f 1 -bm sample -tu us"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyBenchmark {
  private String json;
  private PolicyDocument policy;
  private UnsignedEvmTransaction tx;
  private byte[] raw;
  private PolicySet set;

  @Setup
  public void setUp() {
    StringBuilder allow = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      allow.append(i == 0 ? "" : ",").append(String.format("\"0x%040x\"", i + 1));
    }
    json =
        "{\"chains\":{\"ethereum\":{\"chainIds\":[1,137],\"maxValue\":\"2000000000000000000\","
            + "\"maxValuePerDay\":\"9000000000000000000\",\"recipients\":{\"allow\":["
            + allow
            + "]}}}}";
    policy = PolicyDocument.parse(json);
    raw =
        TransactionEncoder.encode(
            RawTransaction.createTransaction(
                1,
                BigInteger.valueOf(7),
                BigInteger.valueOf(21_000),
                String.format("0x%040x", 50),
                BigInteger.TEN.pow(18),
                "",
                BigInteger.TEN.pow(9),
                BigInteger.TEN.pow(10)));
    tx = UnsignedEvmTransaction.parse(raw, new EvmChainId(1));
    set =
        new PolicySet(
            java.util.Optional.of(
                new StoredPolicy(
                    "organization:x", 1, policy.hashHex(), policy, java.time.Instant.now(), "b")),
            java.util.Optional.empty());
  }

  /** The whole added work of an allowed EVM transaction, store aside. */
  @Benchmark
  public PolicyStatement evmDecisionAndStatement() {
    SigningRequest request = SigningRequest.evmTransaction(tx, raw);
    PolicyVerdict verdict = PolicyRules.evaluate(policy, request);
    if (!verdict.allowed()) {
      throw new IllegalStateException(verdict.detail());
    }
    return Policies.statement(set, request, "all");
  }

  /** The rules alone. */
  @Benchmark
  public PolicyVerdict evaluateOnly() {
    return PolicyRules.evaluate(policy, SigningRequest.evmTransaction(tx, raw));
  }

  /** Parsing the stored document (once per version: the result is cached by hash). */
  @Benchmark
  public PolicyDocument parseDocument() {
    return PolicyDocument.parse(json);
  }
}
