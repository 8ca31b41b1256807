package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.client.ApiClient;
import org.planbok.client.ApiException;
import org.planbok.client.api.CustomersApi;
import org.planbok.client.api.KeysApi;
import org.planbok.client.api.OperatorApi;
import org.planbok.client.api.PinApi;
import org.planbok.client.api.SystemApi;
import org.planbok.client.api.WalletsApi;
import org.planbok.client.model.CreateCustomer;
import org.planbok.client.model.CreateOrganization;
import org.planbok.client.model.CustomerView;
import org.planbok.client.model.DeriveWallet;
import org.planbok.client.model.ExportChallengeView;
import org.planbok.client.model.ExportKeyView;
import org.planbok.client.model.ExportRequest;
import org.planbok.client.model.ExportView;
import org.planbok.client.model.GenerateKeys;
import org.planbok.client.model.Hpke;
import org.planbok.client.model.KeyList;
import org.planbok.client.model.NewOrganizationView;
import org.planbok.client.model.SecretCommand;
import org.planbok.client.model.SecretView;
import org.planbok.client.model.SignPayload;
import org.planbok.client.model.SignedView;
import org.planbok.client.model.WalletView;
import org.planbok.kit.ExportKey;
import org.planbok.kit.ExportOpener;
import org.planbok.kit.ExportResponse;
import org.planbok.kit.PinSecret;
import org.planbok.kit.SealedExport;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An integrator's whole flow through the Java client generated from {@code docs/openapi.yaml},
 * against the real servers: the operator makes an organization; its backend makes a customer, sets
 * up the PIN (derived on the "device" with the client kit), generates a key, derives an Ethereum
 * wallet, signs a message and exports the wallet's key to a device, which opens it with the kit.
 * Every HTTP call goes through the generated client; the signature and the exported key are checked
 * with web3j, independently of Planbok's code.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiClientIT {
  private static final String PIN = "27182818";

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void anIntegratorsFlowThroughTheGeneratedClient() throws Exception {
    Api.node1().awaitReadiness();
    NewOrganizationView organization =
        new OperatorApi(client(Tenant.operatorToken()))
            .createOrganization(key("org"), new CreateOrganization().name("Generated Client Co"));
    ApiClient backend = client(organization.getFirstApiKey().getApiKey());

    CustomerView customer =
        new CustomersApi(backend)
            .createCustomer(
                key("customer"),
                new CreateCustomer()
                    .externalRef("gen-" + UUID.randomUUID())
                    .email("gen-" + UUID.randomUUID() + "@example.com"));
    assertEquals("ACTIVE", customer.getStatus());
    String id = customer.getId();

    PinApi pins = new PinApi(backend);
    String salt = pins.getCustomerPin(id).getClientSalt();
    String secret = PinSecret.derive(PIN.toCharArray(), salt);
    SecretsSeen.addText(secret);
    SecretView set =
        pins.setUpCustomerPin(id, key("pin"), new SecretCommand().encryptedSecret(secret));
    assertEquals("SET", set.getState());

    KeyList keys =
        new KeysApi(backend)
            .createCustomerKeys(
                id,
                key("keys"),
                new GenerateKeys().encryptedSecret(secret).curves(List.of("secp256k1")));
    assertEquals("secp256k1", keys.getItems().get(0).getCurve());

    WalletsApi wallets = new WalletsApi(backend);
    WalletView wallet =
        wallets.createCustomerWallet(
            id,
            key("wallet"),
            new DeriveWallet().chain("ethereum").index(java.math.BigDecimal.ZERO));
    assertEquals(Keys.toChecksumAddress(wallet.getAddress()), wallet.getAddress());

    SignedView signed =
        wallets.signWithCustomerWallet(
            id,
            wallet.getId(),
            key("sign"),
            new SignPayload()
                .encryptedSecret(secret)
                .type("personal_sign")
                .message("Hello, client"));
    byte[] sig = Numeric.hexStringToByteArray(signed.getSignature());
    BigInteger signer =
        Sign.signedPrefixedMessageToKey(
            "Hello, client".getBytes(StandardCharsets.UTF_8),
            new Sign.SignatureData(
                sig[64] < 27 ? (byte) (sig[64] + 27) : sig[64],
                Arrays.copyOfRange(sig, 0, 32),
                Arrays.copyOfRange(sig, 32, 64)));
    assertEquals(wallet.getAddress().toLowerCase(), "0x" + Keys.getAddress(signer));

    JsonObject opened = export(backend, id, wallet);
    assertEquals(wallet.getAddress(), opened.getString("address"));
    assertEquals(
        wallet.getAddress().toLowerCase(),
        Credentials.create(opened.getString("privateKey")).getAddress(),
        "web3j derives the wallet's address from the exported key");
  }

  @Test
  void anErrorIsAProblemTheClientCanRead() throws Exception {
    ApiClient stranger = client("pbk_live_nobody_nothing");
    ApiException refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            ApiException.class,
            () -> new CustomersApi(stranger).getCustomer(UUID.randomUUID().toString()));
    assertEquals(401, refused.getCode());
    JsonObject problem =
        Json.createReader(new StringReader(refused.getResponseBody())).readObject();
    assertEquals(401, problem.getInt("status"));
    assertTrue(problem.getString("type").endsWith("/unauthenticated"), problem.toString());
  }

  /** The device's side of an export with the client kit; the HTTP calls through the client. */
  private static JsonObject export(ApiClient backend, String customerId, WalletView wallet)
      throws Exception {
    ExportKeyView published = new SystemApi(backend).getExportKey();
    ExportKey exportKey = ExportKey.pinned(published.getPublicKey(), published.getFingerprint());
    WalletsApi wallets = new WalletsApi(backend);
    ExportChallengeView challenge =
        wallets.createExportChallenge(customerId, wallet.getId(), key("challenge"));
    DeviceKeys device = new DeviceKeys();
    SecretView pin = new PinApi(backend).getCustomerPin(customerId);
    JsonObject body =
        device
            .exportBody(
                pin.getClientSalt(),
                PIN,
                wallet.getKeyId(),
                wallet.getPath(),
                challenge.getChallenge(),
                exportKey)
            .build();
    ExportView export =
        wallets.exportCustomerWallet(
            customerId,
            wallet.getId(),
            key("export"),
            new ExportRequest()
                .encryptedSecret(body.getString("encryptedSecret"))
                .devicePublicKey(body.getString("devicePublicKey"))
                .authorization(body.getString("authorization"))
                .challenge(body.getString("challenge")));
    ExportResponse response =
        new ExportResponse(
            export.getWalletId(),
            export.getChain(),
            export.getAddress(),
            export.getFormat(),
            sealed(export.getHpke()),
            sealed(export.getNode2Hpke()));
    byte[] plaintext = ExportOpener.open(wallet.getId(), response, device.deviceKey());
    try {
      SecretsSeen.add(plaintext);
      JsonObject opened =
          Json.createReader(new StringReader(new String(plaintext, StandardCharsets.UTF_8)))
              .readObject();
      SecretsSeen.addRaw(opened.getString("privateKey"));
      return opened;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static SealedExport sealed(Hpke hpke) {
    return new SealedExport(
        hpke.getKem(),
        hpke.getKdf(),
        hpke.getAead(),
        hpke.getInfo(),
        hpke.getAad(),
        hpke.getEnc(),
        hpke.getCiphertext());
  }

  private static ApiClient client(String bearer) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Api.node1().base());
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer));
    return client;
  }

  private static String key(String what) {
    return what + "-" + UUID.randomUUID();
  }
}
