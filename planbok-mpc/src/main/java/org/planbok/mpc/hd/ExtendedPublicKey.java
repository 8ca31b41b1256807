package org.planbok.mpc.hd;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * A BIP32 extended public key (BIP-0032 §"Serialization format"): depth, parent fingerprint, child
 * number, chain code and compressed key, serialized with mainnet version 0x0488B21E.
 *
 * <p>The chain code of a Planbok key must never leave the two nodes: with it, one exported
 * non-hardened child private key reveals the root and every sibling. {@link #toBase58()} exists for
 * tests and for comparison with other BIP32 implementations; {@link #toString()} hides it.
 */
public record ExtendedPublicKey(
    int depth, int parentFingerprint, int childNumber, byte[] chainCode, ECPoint publicKey) {
  public static final int MAINNET_PUBLIC = 0x0488B21E;
  private static final int SERIALIZED_BYTES = 78;

  public ExtendedPublicKey {
    if (depth < 0 || depth > DerivationPath.MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be 0..255");
    }
    if (chainCode == null || chainCode.length != 32) {
      throw new IllegalArgumentException("chain code must be 32 bytes");
    }
    if (publicKey == null || publicKey.isInfinity() || !publicKey.isValid()) {
      throw new IllegalArgumentException("public key is not a secp256k1 point");
    }
    chainCode = chainCode.clone();
    publicKey = publicKey.normalize();
  }

  /** The joint root {@code (Q, cc)} at depth 0. */
  public static ExtendedPublicKey root(ECPoint publicKey, byte[] chainCode) {
    return new ExtendedPublicKey(0, 0, 0, chainCode, publicKey);
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** serP(K): the 33-byte compressed key. */
  public byte[] encodedKey() {
    return publicKey.getEncoded(true);
  }

  /** The first 32 bits of HASH160(serP(K)), which children record as their parent fingerprint. */
  public int fingerprint() {
    byte[] sha;
    try {
      sha = MessageDigest.getInstance("SHA-256").digest(encodedKey());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(sha, 0, sha.length);
    byte[] h160 = new byte[20];
    ripemd.doFinal(h160, 0);
    return ByteBuffer.wrap(h160).getInt();
  }

  /** The standard {@code xpub…} string. Secret to the nodes: it carries the chain code. */
  public String toBase58() {
    ByteBuffer b = ByteBuffer.allocate(SERIALIZED_BYTES);
    b.putInt(MAINNET_PUBLIC).put((byte) depth).putInt(parentFingerprint).putInt(childNumber);
    b.put(chainCode).put(encodedKey());
    return Base58.encodeChecked(b.array());
  }

  /** Parses a mainnet {@code xpub…}; rejects other versions, bad checksums and invalid keys. */
  public static ExtendedPublicKey fromBase58(String xpub) {
    byte[] data = Base58.decodeChecked(xpub);
    if (data.length != SERIALIZED_BYTES) {
      throw new IllegalArgumentException("an extended key is 78 bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    if (b.getInt() != MAINNET_PUBLIC) {
      throw new IllegalArgumentException("not a mainnet xpub");
    }
    int depth = b.get() & 0xff;
    int parent = b.getInt();
    int child = b.getInt();
    byte[] cc = Arrays.copyOfRange(data, 13, 45);
    ECPoint key;
    try {
      key = Secp256k1.INSTANCE.decode(Arrays.copyOfRange(data, 45, 78));
    } catch (ProtocolAbort e) {
      throw new IllegalArgumentException("xpub key is not a compressed secp256k1 point");
    }
    return new ExtendedPublicKey(depth, parent, child, cc, key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtendedPublicKey k && toBase58().equals(k.toBase58());
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "ExtendedPublicKey[depth="
        + depth
        + ", child="
        + Integer.toUnsignedString(childNumber)
        + ", key="
        + org.bouncycastle.util.encoders.Hex.toHexString(encodedKey())
        + ", chain code redacted]";
  }
}
