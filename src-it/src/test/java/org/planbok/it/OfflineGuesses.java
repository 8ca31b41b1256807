package org.planbok.it;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.Ed25519Derivation;

/**
 * The computations an attacker holding only a copy of Node 1's database runs offline: every unkeyed
 * derivation Node 1 once stored (SHA-256 request fingerprints, salted SHA-256 recovery codes,
 * Argon2id of console passwords), and the chain-code tests that tell whether a stored value derives
 * a key's wallets.
 */
final class OfflineGuesses {
  private OfflineGuesses() {}

  /**
   * The first idempotency fingerprint: SHA-256 of label, method, path and body, length-prefixed.
   */
  static byte[] requestFingerprintV1(String method, String pathAndQuery, byte[] body) {
    MessageDigest sha = sha256();
    sha.update("planbok/idempotency/request/v1".getBytes(StandardCharsets.US_ASCII));
    for (byte[] part :
        new byte[][] {
          method.getBytes(StandardCharsets.US_ASCII),
          pathAndQuery.getBytes(StandardCharsets.UTF_8),
          body
        }) {
      int n = part.length;
      sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
      sha.update(part);
    }
    return sha.digest();
  }

  /** The first recovery-code verifier: SHA-256(label ‖ subject ‖ 0 ‖ salt ‖ code). */
  static byte[] recoveryCodeV1(String subject, byte[] salt, String code) {
    MessageDigest sha = sha256();
    sha.update("planbok/recovery-code/v1".getBytes(StandardCharsets.US_ASCII));
    sha.update(subject.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(salt);
    sha.update(code.getBytes(StandardCharsets.US_ASCII));
    return sha.digest();
  }

  /** Whether Argon2id of {@code password} alone gives the stored PHC string (argon2-jvm's form). */
  static boolean argon2idMatches(String phc, byte[] password) {
    String[] parts = phc.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    Map<String, Integer> cost = new HashMap<>();
    for (String kv : parts[3].split(",")) {
      String[] p = kv.split("=");
      cost.put(p[0], Integer.parseInt(p[1]));
    }
    byte[] salt = Base64.getDecoder().decode(parts[4]);
    byte[] hash = Base64.getDecoder().decode(parts[5]);
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.get("m"))
            .withIterations(cost.get("t"))
            .withParallelism(cost.get("p"))
            .withSalt(salt)
            .build());
    byte[] out = new byte[hash.length];
    argon2.generateBytes(password, out);
    return MessageDigest.isEqual(out, hash);
  }

  /**
   * Whether {@code chainCode} is the chain code of the ed25519 key {@code root}, tested against two
   * exported child scalars: {@code k_i − k_j = t_i − t_j (mod ℓ)} needs nothing but two SHA-512.
   */
  static boolean isEd25519ChainCode(
      EdPoint root, byte[] chainCode, int i, BigInteger ki, int j, BigInteger kj) {
    BigInteger l = Ed25519.INSTANCE.order();
    Ed25519Derivation d = new Ed25519Derivation(root, chainCode);
    return d.tweak(i).subtract(d.tweak(j)).mod(l).equals(ki.subtract(kj).mod(l));
  }

  /** Whether {@code chainCode} derives {@code child} from the secp256k1 key {@code root}. */
  static boolean isSecp256k1ChainCode(
      ECPoint root, byte[] chainCode, DerivationPath path, byte[] child) {
    try {
      return Arrays.equals(
          Secp256k1.INSTANCE.encode(Bip32.derive(root, chainCode, path).publicKey()), child);
    } catch (RuntimeException e) {
      return false; // not a usable chain code for this key
    }
  }

  static byte[] sha256(byte[] b) {
    return sha256().digest(b);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
