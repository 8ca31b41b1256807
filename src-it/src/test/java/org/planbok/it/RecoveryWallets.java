package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.group.Secp256k1;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A recovering customer's wallets: an Ethereum and a Solana wallet whose signatures are checked
 * independently (web3j, BouncyCastle's RFC 8032 verifier), before and after a recovery.
 */
record RecoveryWallets(PinFlow customer, JsonObject ethereum, JsonObject solana, String ecdsaKey) {

  static RecoveryWallets of(PinFlow customer, String pin) {
    String ecdsaKey = customer.key(pin, "secp256k1").getString("id");
    customer.key(pin, "ed25519");
    return new RecoveryWallets(
        customer, wallet(customer, "ethereum"), wallet(customer, "solana"), ecdsaKey);
  }

  private static JsonObject wallet(PinFlow customer, String chain) {
    Api.Reply reply =
        customer
            .tenant()
            .post(
                customer.path("/wallets"),
                Json.createObjectBuilder().add("chain", chain).add("index", 0).build().toString(),
                "w-" + UUID.randomUUID());
    assertTrue(reply.status() == 201 || reply.status() == 200, reply.body());
    return reply.json();
  }

  /** Both wallets sign with this PIN, each signature verifying against the wallet's own key. */
  void signWith(String pin) throws Exception {
    String message = "recovered " + UUID.randomUUID();
    JsonObject personal =
        sign(
            pin,
            ethereum,
            Json.createObjectBuilder().add("type", "personal_sign").add("message", message));
    byte[] rsv = Numeric.hexStringToByteArray(personal.getString("signature"));
    BigInteger signer =
        Sign.signedPrefixedMessageToKey(
            message.getBytes(StandardCharsets.UTF_8),
            new Sign.SignatureData(
                rsv[64],
                java.util.Arrays.copyOfRange(rsv, 0, 32),
                java.util.Arrays.copyOfRange(rsv, 32, 64)));
    assertEquals(
        ethereum.getString("address").toLowerCase(),
        "0x" + Keys.getAddress(signer),
        "same address");

    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
    JsonObject ed =
        sign(
            pin,
            solana,
            Json.createObjectBuilder()
                .add("type", "digest")
                .add("digest", HexFormat.of().formatHex(digest)));
    byte[] signature = hex(ed.getString("signature"));
    byte[] publicKey = hex(solana.getString("publicKey"));
    assertTrue(
        Ed25519.verify(signature, 0, publicKey, 0, digest, 0, digest.length),
        "the Solana wallet's key signed");
  }

  Api.Reply signReply(String pin, JsonObject wallet) {
    return customer
        .tenant()
        .post(
            customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
            Json.createObjectBuilder()
                .add("type", "personal_sign")
                .add("message", "hello")
                .add("encryptedSecret", customer.secret(pin))
                .build()
                .toString(),
            "s-" + UUID.randomUUID());
  }

  private JsonObject sign(String pin, JsonObject wallet, jakarta.json.JsonObjectBuilder payload) {
    Api.Reply reply =
        customer
            .tenant()
            .post(
                customer.path("/wallets/" + wallet.getString("id") + "/signatures"),
                payload.add("encryptedSecret", customer.secret(pin)).build().toString(),
                "s-" + UUID.randomUUID());
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /**
   * Whether Node 1's share {@code xB} together with the share Node 2 holds now is the key: a
   * compromised Node 1 that also holds the PIN key {@code pinKey} (so can authorize as the device)
   * learns Node 2's share from an export to a device of its own, as its device's part minus the
   * mask (issue 12: nothing less than the PIN gives it).
   */
  boolean makesTheKey(Node1Link node2, byte[] pinKey, BigInteger xB) throws Exception {
    BigInteger xA = Node1Protocols.releasedShare(node2, customer.subject(), ecdsaKey, pinKey);
    byte[] joint =
        Secp256k1.INSTANCE.encode(
            Secp256k1.INSTANCE.multiplyGenerator(xA.add(xB).mod(Secp256k1.N)));
    String publicKey =
        customer.tenant().get(customer.path("/keys/" + ecdsaKey)).json().getString("publicKey");
    return HexFormat.of().formatHex(joint).equals(publicKey);
  }

  static BigInteger xB(byte[] blob) {
    return EcdsaP2KeyShare.fromBytes(blob).xB();
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.startsWith("0x") ? text.substring(2) : text);
  }
}
