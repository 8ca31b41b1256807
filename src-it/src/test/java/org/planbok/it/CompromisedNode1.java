package org.planbok.it;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;

/**
 * What an attacker who owns Node 1's host and database and knows one customer's PIN can do: ask
 * Node 2 for the pepper as Node 1 would, re-derive Node 1's key-encryption key (DESIGN §5, written
 * out again here from docs/api-guide.md, not calling Planbok's code), and open Node 1's share. The
 * tests use it to misbehave in the protocol exactly as such an attacker could, and to show that
 * Node 2 still refuses what it must.
 */
final class CompromisedNode1 {
  private CompromisedNode1() {}

  static EcdsaP2KeyShare ecdsaShare(Node1Link node2, String subject, String pinSecret, String keyId)
      throws Exception {
    byte[] secret = Base64.getUrlDecoder().decode(pinSecret);
    byte[] pepper = node2.check(subject, secret).getAccepted().getPepper().toByteArray();
    byte[] wrapped = bytes("SELECT wrapped_key FROM vault_wrapping WHERE id = ?", subject + "/pin");
    byte[] vaultKey = vaultKey(subject, "pin", pepper, secret, wrapped);
    byte[] sealed = bytes("SELECT sealed_share FROM joint_key WHERE id = ?", keyId);
    String generation = Node1Database.query("SELECT generation FROM joint_key WHERE id = ?", keyId);
    return EcdsaP2KeyShare.fromBytes(share(vaultKey, keyId, generation, sealed));
  }

  /**
   * The vault key a wrapping of {@code purpose} holds, opened with Node 2's pepper and the secret
   * (DESIGN §5: KEK = HKDF(pepper ‖ secret)); throws when they are not the ones it was wrapped
   * with.
   */
  static byte[] vaultKey(
      String subject, String purpose, byte[] pepper, byte[] secret, byte[] wrapped)
      throws Exception {
    byte[] ikm = new byte[pepper.length + secret.length];
    System.arraycopy(pepper, 0, ikm, 0, pepper.length);
    System.arraycopy(secret, 0, ikm, pepper.length, secret.length);
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(
            ikm,
            "planbok/node1/kek/v1".getBytes(StandardCharsets.US_ASCII),
            (subject + "\0" + purpose).getBytes(StandardCharsets.UTF_8)));
    byte[] kek = new byte[32];
    hkdf.generateBytes(kek, 0, 32);
    byte[] vaultKey = open(kek, wrapped, "planbok/vault-key/v1" + subject + "\0" + purpose);
    SecretsSeen.add(vaultKey);
    return vaultKey;
  }

  /** A share blob sealed under the vault key for this key and generation. */
  static byte[] share(byte[] vaultKey, String keyId, String generation, byte[] sealed)
      throws Exception {
    return open(vaultKey, sealed, "planbok/vault/v1share\0" + keyId + "/" + generation);
  }

  private static byte[] open(byte[] key, byte[] blob, String associatedData) throws Exception {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        Cipher.DECRYPT_MODE,
        new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(128, Arrays.copyOf(blob, 12)));
    gcm.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return gcm.doFinal(blob, 12, blob.length - 12);
  }

  private static byte[] bytes(String sql, String param) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/planbok_it_node1", "postgres", "");
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, param);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBytes(1);
      }
    }
  }
}
