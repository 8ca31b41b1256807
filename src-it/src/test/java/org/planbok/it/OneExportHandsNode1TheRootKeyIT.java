package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.math.ec.ECPoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.group.Secp256k1;

/**
 * Issue 12 item 5, "one export hands Node 1 the root key": before the fix Node 2 sent its share in
 * clear to Node 1, which with its own share then held the root key and, with the chain code, every
 * sibling wallet. Played against the real servers by a compromised Node 1 (its certificate, any
 * gRPC call) during an honest customer's export: it keeps every frame Node 2 sends and tries each
 * 32-byte value in them (big- and little-endian, and the mask with either sign) as Node 2's share,
 * checked against Node 2's public share, and added to its own share as the root key. Nothing may
 * fit; the customer's device still gets the key, as the sum of the two parts. And after an export
 * through the API, Node 1's database holds the exported key in no usual form.
 */
@ExtendWith(ArquillianExtension.class)
class OneExportHandsNode1TheRootKeyIT {
  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  private static final Secp256k1 K1 = Secp256k1.INSTANCE;
  private static final BigInteger N = Secp256k1.N;

  @Test
  void whatNode1ReceivesInAnExportGivesItNeitherNode2sShareNorTheRootKey() throws Exception {
    String subject = "customer:" + UUID.randomUUID();
    byte[] pinKey = Node1Protocols.random(32);
    byte[] secret = Node1Protocols.pinSecret(pinKey);
    SecretsSeen.add(pinKey);
    SecretsSeen.add(secret);
    String keyId = UUID.randomUUID().toString();
    try (Node1Link node2 = Node1Link.open()) {
      node2.enroll(subject, secret, null);
      EcdsaP2KeyShare mine = Node1Protocols.ecdsaKeyGen(node2, subject, secret, keyId);
      Node1Protocols.Export export =
          Node1Protocols.export(node2, subject, keyId, pinKey, "m/44/60/0/0/0");

      ECPoint qA = mine.publicShareA().normalize();
      ECPoint q = mine.publicKey().normalize();
      List<BigInteger> candidates = new ArrayList<>();
      for (byte[] frame : export.frames()) {
        candidates.addAll(windows(frame));
      }
      candidates.add(export.mask().rho());
      candidates.add(export.mask().rho().negate().mod(N));
      for (BigInteger w : candidates) {
        BigInteger s = w.mod(N);
        assertNotEquals(qA, K1.multiplyGenerator(s).normalize(), "Node 1 received xA");
        assertNotEquals(
            q,
            K1.multiplyGenerator(s.add(mine.xB()).mod(N)).normalize(),
            "Node 1 can make the root key from what it received");
      }
      // The customer's device, adding Node 1's part xB − ρ to its own part, has the key.
      BigInteger x = mine.xB().subtract(export.mask().rho()).add(export.node2Part()).mod(N);
      SecretsSeen.add(Secp256k1.scalarBytes(x));
      SecretsSeen.add(Secp256k1.scalarBytes(export.node2Part()));
      assertEquals(q, K1.multiplyGenerator(x).normalize());
    }
  }

  @Test
  void node1sDatabaseAfterAnExportHoldsNoFormOfTheExportedKey() throws Exception {
    Api api = Api.node1();
    api.awaitReadiness();
    String pin = "580316";
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Root Key Co"), pin);
    Api.Reply keys = customer.generateKeys(pin, "secp256k1");
    assertEquals(201, keys.status(), keys.body());
    Api.Reply made =
        customer
            .tenant()
            .post(
                customer.path("/wallets"),
                "{\"chain\": \"ethereum\", \"index\": 4}",
                "w-" + UUID.randomUUID());
    assertEquals(201, made.status(), made.body());
    JsonObject opened = new DeviceKeys().export(api, customer, pin, made.json(), null);
    byte[] key = HexFormat.of().parseHex(opened.getString("privateKey").substring(2));
    String dump = DatabaseDump.of("planbok_it_node1");
    assertTrue(dump.contains(made.json().getString("address")), "the search is real");
    for (String form :
        List.of(
            HexFormat.of().formatHex(key),
            Base64.getEncoder().encodeToString(key),
            Base64.getUrlEncoder().withoutPadding().encodeToString(key),
            new String(key, StandardCharsets.ISO_8859_1))) {
      assertFalse(dump.contains(form), "Node 1's database holds the exported key");
    }
  }

  /** Each 32-byte window of a frame, read big-endian and little-endian. */
  private static List<BigInteger> windows(byte[] frame) {
    List<BigInteger> out = new ArrayList<>();
    for (int i = 0; i + 32 <= frame.length; i++) {
      byte[] w = Arrays.copyOfRange(frame, i, i + 32);
      out.add(new BigInteger(1, w));
      byte[] le = new byte[32];
      for (int j = 0; j < 32; j++) {
        le[j] = w[31 - j];
      }
      out.add(new BigInteger(1, le));
    }
    return out;
  }
}
