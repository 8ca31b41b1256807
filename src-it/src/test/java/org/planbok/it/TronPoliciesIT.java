package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbok.it.PoliciesIT.assertRefused;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
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

/**
 * A Tron wallet under its organization's policy (docs/policies.md) on the real servers: the TRX
 * recipient ({@code to_address}), the contract a call runs ({@code contract_address}) and a TRC-20
 * transfer's token recipient (read from {@code data}) must be allowed, and the sun moved must stay
 * under maxValue. What is allowed is signed and recovers to the wallet; what is not is a 403
 * policy-refused naming the field, signs nothing and costs no PIN attempt. Node 2 recomputes the
 * txid from raw_data for every allowed one, so these signatures also show the two nodes agree.
 */
@ExtendWith(ArquillianExtension.class)
class TronPoliciesIT {
  private static final String PIN = "246813";
  private static final String FIELD = "transaction.contract[0].parameter.value.";
  private static final byte[] BOB = tron("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  private static final byte[] CAROL = tron("fb6916095ca1df60bb79ce92ce3ea74c37c5d359");
  private static final byte[] USDT = tron("a614f803b6fd780986a42c78ec9c7f77e6ded13c");
  private static final long MAX_SUN = 2_000_000;
  // One customer, key, wallet and policy for the class: a key generation is the slow part.
  private static PinFlow customer;
  private static JsonObject wallet;
  private static byte[] owner;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void tronWalletUnderAnOrganizationPolicy() {
    if (wallet != null) {
      return;
    }
    Api api = Api.node1();
    api.awaitReadiness();
    PinFlow flow = PinFlow.withPin(Tenant.create(api, "Tron Policy Co " + UUID.randomUUID()), PIN);
    Api.Reply keys = flow.generateKeys(PIN, "secp256k1");
    assertEquals(201, keys.status(), keys.body());
    Api.Reply derived =
        flow.tenant()
            .post(
                flow.path("/wallets"),
                "{\"chain\": \"tron\", \"index\": 0}",
                "w-" + UUID.randomUUID());
    assertEquals(201, derived.status(), derived.body());
    String policy =
        "{\"chains\":{\"tron\":{\"maxValue\":\""
            + MAX_SUN
            + "\",\"recipients\":{\"allow\":[\""
            + base58(BOB)
            + "\",\""
            + base58(USDT)
            + "\"]}}}}";
    Api.Reply put =
        flow.tenant()
            .put(
                "/api/v1/organization/policy",
                "{\"policy\":" + policy + ",\"expectedVersion\":0}",
                "p-" + UUID.randomUUID());
    assertEquals(200, put.status(), put.body());
    customer = flow;
    owner = Base58.decodeChecked(derived.json().getString("address"));
    wallet = derived.json();
  }

  @Test
  void aTrxTransferToAnAllowedAddressWithinMaxValueIsSignedAndRecoversToTheWallet()
      throws Exception {
    byte[] raw = TronPayloads.transfer(owner, BOB, MAX_SUN, inAMinute());
    Api.Reply signed = sign(raw);
    assertEquals(200, signed.status(), signed.body());
    TronTransactionsIT.assertSignedBy(wallet, raw, signed.json());
  }

  @Test
  void aTrxTransferToAnotherAddressOrAboveMaxValueIsRefusedNamingTheFieldAndSignsNothing() {
    assertRefused(
        sign(TronPayloads.transfer(owner, CAROL, 1, inAMinute())),
        "recipients.allow",
        FIELD + "to_address");
    assertRefused(
        sign(TronPayloads.transfer(owner, BOB, MAX_SUN + 1, inAMinute())),
        "maxValue",
        FIELD + "amount");
    assertRefused(
        sign(TronPayloads.trigger(owner, CAROL, trc20Transfer(BOB, 1), inAMinute())),
        "recipients.allow",
        FIELD + "contract_address");
    assertEquals(200, customer.verify(PIN).status(), "no PIN attempt was counted");
  }

  @Test
  void aTrc20TransferIsSignedOnlyWhenItsTokenRecipientIsAllowed() throws Exception {
    byte[] toBob = TronPayloads.trigger(owner, USDT, trc20Transfer(BOB, 10_000_000), inAMinute());
    Api.Reply signed = sign(toBob);
    assertEquals(200, signed.status(), signed.body());
    TronTransactionsIT.assertSignedBy(wallet, toBob, signed.json());

    // The contract (USDT) is allowed; the tokens would go to Carol, who is not.
    byte[] toCarol =
        TronPayloads.trigger(owner, USDT, trc20Transfer(CAROL, 10_000_000), inAMinute());
    Api.Reply refused = sign(toCarol);
    assertRefused(refused, "recipients.allow", FIELD + "data");
    assertEquals("organization", refused.json().getString("scope"), refused.body());
  }

  private Api.Reply sign(byte[] raw) {
    return customer
        .tenant()
        .post(
            customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
            Json.createObjectBuilder()
                .add("type", "transaction")
                .add("transaction", HexFormat.of().formatHex(raw))
                .add("encryptedSecret", customer.secret(PIN))
                .build()
                .toString(),
            "s-" + UUID.randomUUID());
  }

  /** TRC-20 {@code transfer(address,uint256)} call data, ABI-encoded by web3j. */
  static byte[] trc20Transfer(byte[] to, long amount) {
    String data =
        FunctionEncoder.encode(
            new Function(
                "transfer",
                List.of(
                    new Address(HexFormat.of().formatHex(Arrays.copyOfRange(to, 1, 21))),
                    new Uint256(BigInteger.valueOf(amount))),
                List.of()));
    return HexFormat.of().parseHex(data.substring(2));
  }

  static String base58(byte[] address) {
    return Base58.encodeChecked(0x41, Arrays.copyOfRange(address, 1, 21));
  }

  static byte[] tron(String accountHex) {
    byte[] a = new byte[21];
    a[0] = 0x41;
    System.arraycopy(HexFormat.of().parseHex(accountHex), 0, a, 1, 20);
    return a;
  }

  private static long inAMinute() {
    return System.currentTimeMillis() + 60_000;
  }
}
