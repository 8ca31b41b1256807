package org.planbok.mpc.hd;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * Planbok's additive ed25519 derivation (DESIGN §4). ed25519 has no standard public derivation that
 * works on a key existing only as shares (SLIP-0010 ed25519 is hardened-only), so children are
 * defined as
 *
 * <pre>
 * t_i = SHA-512("planbok/ed25519/derive" ‖ A ‖ cc ‖ i) mod ℓ
 * A_i = A + t_i·B
 * </pre>
 *
 * with exactly these bytes hashed, 90 in all: the 22 ASCII bytes of {@code planbok/ed25519/derive},
 * the 32-byte RFC 8032 encoding of the root key A, the 32-byte chain code, and the index i as 4
 * bytes big-endian (an unsigned 32-bit value: Java's {@code int} −1 is index 4294967295). The
 * 64-byte digest is read as a little-endian integer, as RFC 8032 reads its hashes, and reduced
 * modulo ℓ. All fields have fixed lengths, so the encoding is injective.
 *
 * <p>The child secret is a + t_i, held as shares a1 and a2 + t_i (the signing party P2 adds k·t_i).
 * The derivation is one level deep and not BIP32/SLIP-0010 compatible: another wallet derives the
 * same children only by implementing this formula. As with non-hardened BIP32, a child secret plus
 * the chain code reveals the root secret, so the chain code stays secret to the two nodes.
 */
public final class Ed25519Derivation {
  public static final String LABEL = "planbok/ed25519/derive";
  private static final Ed25519 G = Ed25519.INSTANCE;

  private final EdPoint publicKey;
  private final byte[] chainCode;

  public Ed25519Derivation(EdPoint publicKey, byte[] chainCode) {
    if (chainCode == null || chainCode.length != 32) {
      throw new IllegalArgumentException("chain code must be 32 bytes");
    }
    this.publicKey = publicKey;
    this.chainCode = chainCode.clone();
  }

  /** t_i in [1, ℓ); aborts in the (probability 2^-252) case t_i = 0. */
  public BigInteger tweak(int index) {
    MessageDigest h = sha512();
    h.update(LABEL.getBytes(StandardCharsets.US_ASCII));
    h.update(publicKey.encode());
    h.update(chainCode);
    h.update(
        new byte[] {
          (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index
        });
    BigInteger t = Ed25519.reduce(h.digest());
    if (t.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "derivation tweak is zero");
    }
    return t;
  }

  /** A_i = A + t_i·B; aborts in the negligible case that it is the identity. */
  public EdPoint childPublicKey(int index) {
    EdPoint child = G.add(publicKey, G.multiplyGenerator(tweak(index)));
    if (G.isIdentity(child)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "derived key is the identity");
    }
    return child;
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required by the JDK", e);
    }
  }
}
