package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.math.BigInteger;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * What a signing policy adds to a signature through the API: the same EVM transaction signed by a
 * customer of an organization without a policy and by one of an organization with a policy (a
 * 100-address allow list, a value limit and a rolling day, so the owner's row is locked and the day
 * summed), alternating, after a warm-up. Run with {@code mvn verify -Pbench}; figures go to {@code
 * src-it/target/bench/results.md} and, by hand, to BENCHMARKS.md.
 */
@Tag("bench")
@ExtendWith(ArquillianExtension.class)
class PolicyBenchIT {
  private static final String PIN = "424242";
  private static final int WARMUP = 60;
  private static final int SIGNATURES = 150;
  private static final String TO = String.format("0x%040x", 50);

  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void addedLatencyOfThePolicyOnTheSigningPath() {
    api.awaitReadiness();
    Signer plain = new Signer(Tenant.create(api, "No Policy Co " + UUID.randomUUID()));
    Tenant governed = Tenant.create(api, "Policy Co " + UUID.randomUUID());
    StringBuilder allow = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      allow.append(i == 0 ? "" : ",").append(String.format("\"0x%040x\"", i + 1));
    }
    Api.Reply put =
        governed.put(
            "/api/v1/organization/policy",
            "{\"policy\":{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"maxValue\":\"1000\","
                + "\"maxValuePerDay\":\"1000000000000\",\"recipients\":{\"allow\":["
                + allow
                + "]}}}}}",
            "p-" + UUID.randomUUID());
    assertEquals(200, put.status(), put.body());
    Signer policed = new Signer(governed);

    for (int i = 0; i < WARMUP; i++) {
      plain.sign(null);
      policed.sign(null);
    }
    Latencies without = new Latencies();
    Latencies with = new Latencies();
    for (int i = 0; i < SIGNATURES; i++) {
      plain.sign(without);
      policed.sign(with);
    }
    Latencies.report(
        "",
        "### Signing policy on the signing path (" + java.time.LocalDate.now() + ")",
        "",
        Latencies.header(),
        without.row("EVM transaction signature, organization without a policy"),
        with.row("EVM transaction signature under a policy (allow list 100, maxValuePerDay)"),
        String.format(
            Locale.ROOT,
            "added p50: %.2f ms",
            with.percentileMillis(50) - without.percentileMillis(50)));
  }

  /** One customer with a key and an Ethereum wallet, signing one transaction after another. */
  private static final class Signer {
    private final Tenant tenant;
    private final PinFlow customer;
    private final String wallet;
    private int nonce;

    Signer(Tenant tenant) {
      this.tenant = tenant;
      this.customer = PinFlow.withPin(tenant, PIN);
      assertEquals(201, customer.generateKeys(PIN, "secp256k1").status());
      Api.Reply w =
          tenant.post(
              customer.path("/wallets"),
              "{\"chain\":\"ethereum\",\"index\":0}",
              "w-" + UUID.randomUUID());
      this.wallet = w.json().getString("id");
    }

    void sign(Latencies into) {
      RawTransaction tx =
          RawTransaction.createTransaction(
              1,
              BigInteger.valueOf(nonce++),
              BigInteger.valueOf(21_000),
              TO,
              BigInteger.ONE,
              "",
              BigInteger.valueOf(2_000_000_000L),
              BigInteger.valueOf(80_000_000_000L));
      String body =
          Json.createObjectBuilder()
              .add("type", "transaction")
              .add("transaction", Numeric.toHexString(TransactionEncoder.encode(tx)))
              .add("chainId", 1)
              .add("encryptedSecret", customer.secret(PIN))
              .build()
              .toString();
      long start = System.nanoTime();
      Api.Reply reply =
          tenant.post(
              customer.path("/wallets/" + wallet + "/signatures"), body, "s-" + UUID.randomUUID());
      long took = System.nanoTime() - start;
      assertEquals(200, reply.status(), reply.body());
      if (into != null) {
        into.add(took);
      }
    }
  }
}
