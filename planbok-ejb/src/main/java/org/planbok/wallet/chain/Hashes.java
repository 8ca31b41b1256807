package org.planbok.wallet.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * The hash functions the chains use. Keccak-256 is the original Keccak submission (Ethereum, Tron),
 * not FIPS 202 SHA3-256, whose padding differs.
 */
public final class Hashes {
  private Hashes() {}

  public static byte[] keccak256(byte[]... parts) {
    return finish(new KeccakDigest(256), parts);
  }

  public static byte[] sha256(byte[]... parts) {
    MessageDigest sha = jdk("SHA-256");
    for (byte[] p : parts) {
      sha.update(p);
    }
    return sha.digest();
  }

  /** SHA-256 applied twice (Bitcoin's txid, sighash and Base58Check checksum). */
  public static byte[] doubleSha256(byte[]... parts) {
    return sha256(sha256(parts));
  }

  /** RIPEMD-160(SHA-256(data)), Bitcoin's HASH160. */
  public static byte[] hash160(byte[] data) {
    return finish(new RIPEMD160Digest(), sha256(data));
  }

  private static byte[] finish(Digest digest, byte[]... parts) {
    for (byte[] p : parts) {
      digest.update(p, 0, p.length);
    }
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  private static MessageDigest jdk(String name) {
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is required by the JDK", e);
    }
  }
}
