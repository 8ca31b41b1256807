package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.group.Secp256k1;

/**
 * A full dump of Node 2's database (what a thief of its disk or backups gets) holds no key share,
 * chain code, pepper or secret in the clear, raw, hex or base64. The values looked for are ones the
 * test learned as Node 1 and the customer's device together: its own share's counterparts, xA (its
 * device's part of an export minus the mask), the pepper, the PIN key; the public key, which is not
 * secret, is looked for too and must be found, so the search is real.
 */
class Node2DumpIT {

  @Test
  void node2sDumpHoldsNoShareNoChainCodeNoPepperInTheClear() throws Exception {
    String subject = "customer:" + UUID.randomUUID();
    byte[] pinKey = Node2RefusalsIT.random(32);
    byte[] secret = Node1Protocols.pinSecret(pinKey);
    SecretsSeen.add(pinKey);
    SecretsSeen.add(secret);
    String keyId = UUID.randomUUID().toString();
    List<byte[]> secrets = new ArrayList<>();
    EcdsaP2KeyShare share;
    try (Node1Link node2 = Node1Link.open()) {
      byte[] pepper = node2.enroll(subject, secret, null);
      share = Node1Protocols.ecdsaKeyGen(node2, subject, secret, keyId);
      BigInteger xA = Node1Protocols.releasedShare(node2, subject, keyId, pinKey);
      secrets.add(Secp256k1.scalarBytes(xA));
      secrets.add(reversed(Secp256k1.scalarBytes(xA)));
      secrets.add(pepper);
      secrets.add(secret);
      secrets.add(pinKey);
      secrets.add(share.chainCode());
      SecretsSeen.add(Secp256k1.scalarBytes(xA));
    }
    String dump = DatabaseDump.of("planbok_it_node2");
    assertTrue(
        dump.contains(HexFormat.of().formatHex(Secp256k1.INSTANCE.encode(share.publicKey()))),
        "the public key is in the dump, so the search works");
    assertTrue(dump.contains(keyId));
    for (byte[] s : secrets) {
      for (String form : forms(s)) {
        assertFalse(
            dump.contains(form), "found a secret in Node 2's dump as " + form.length() + " chars");
      }
    }
  }

  private static List<String> forms(byte[] b) {
    return List.of(
        HexFormat.of().formatHex(b),
        HexFormat.of().withUpperCase().formatHex(b),
        Base64.getEncoder().encodeToString(b),
        Base64.getUrlEncoder().withoutPadding().encodeToString(b),
        new String(b, StandardCharsets.ISO_8859_1));
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static byte[] reversed(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
