package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.util.Arrays;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * One party's share of a two-party ed25519 key: its additive scalar share a_i (a = a1 + a2 mod ℓ,
 * never computed), the joint key A = A1 + A2, both public shares, the 32-byte chain code and a
 * 32-byte nonce key that hedges this share's signing nonces. Immutable apart from {@link
 * #destroy()}; {@link #toString()} shows only public values.
 *
 * <p>A key made from a joint seed (issue 13: {@code s = s1 ⊕ s2}, {@code a = clamp(SHA-512(s))})
 * also carries this party's 32-byte seed share s_i; only such a key can be exported as a seed that
 * wallets such as Phantom import. {@link #hasSeedShare()} tells which kind a share is.
 *
 * <p>Blob ({@link #toBytes()}), version 1 (no seed share): the byte {@code 0x01}, then {@link
 * WireWriter} fields {@code "planbok/eddsa/keyshare" ‖ party ("P1"/"P2") ‖ a_i (32 LE) ‖ A ‖ A_peer
 * ‖ cc ‖ nonce key}, 213 bytes. Version 2 (seed share): the byte {@code 0x02}, the same fields,
 * then {@code s_i} (32 bytes). Both are read. The chain code is secret to the two nodes (DESIGN §4)
 * and sealed with the share.
 */
public final class EddsaKeyShare {
  public static final byte VERSION = 1;
  public static final byte SEEDED_VERSION = 2;
  public static final int SEED_BYTES = 32;
  private static final String TYPE = "planbok/eddsa/keyshare";
  private static final Ed25519 G = Ed25519.INSTANCE;

  private final Party party;
  private final byte[] secretShare;
  private final EdPoint publicKey;
  private final EdPoint ownPublicShare;
  private final EdPoint peerPublicShare;
  private final byte[] chainCode;
  private final byte[] nonceKey;
  private final byte[] seedShare;

  EddsaKeyShare(
      Party party,
      BigInteger secretShare,
      EdPoint peerPublicShare,
      byte[] chainCode,
      byte[] nonceKey) {
    this(party, secretShare, peerPublicShare, chainCode, nonceKey, null);
  }

  /** As above, with this party's seed share ({@code null} for a key made without a seed). */
  EddsaKeyShare(
      Party party,
      BigInteger secretShare,
      EdPoint peerPublicShare,
      byte[] chainCode,
      byte[] nonceKey,
      byte[] seedShare) {
    if (secretShare.signum() <= 0 || secretShare.compareTo(Ed25519.L) >= 0) {
      throw malformed("secret share is not in [1, ℓ)");
    }
    if (chainCode.length != 32 || nonceKey.length != 32) {
      throw malformed("chain code and nonce key are 32 bytes");
    }
    this.party = party;
    this.secretShare = Ed25519.scalarBytes(secretShare);
    this.ownPublicShare = G.multiplyGenerator(secretShare);
    this.peerPublicShare = peerPublicShare;
    this.publicKey = G.add(ownPublicShare, peerPublicShare);
    if (G.isIdentity(publicKey)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "joint public key is the identity");
    }
    this.chainCode = chainCode.clone();
    this.nonceKey = nonceKey.clone();
    if (seedShare != null && seedShare.length != SEED_BYTES) {
      throw malformed("seed share is 32 bytes");
    }
    this.seedShare = seedShare == null ? null : seedShare.clone();
  }

  public Party party() {
    return party;
  }

  /** The joint public key A = A1 + A2. */
  public EdPoint publicKey() {
    return publicKey;
  }

  public EdPoint ownPublicShare() {
    return ownPublicShare;
  }

  public EdPoint peerPublicShare() {
    return peerPublicShare;
  }

  /** A1, Node 2's public share. */
  public EdPoint p1PublicShare() {
    return party == Party.P1 ? ownPublicShare : peerPublicShare;
  }

  /** A2, Node 1's public share. */
  public EdPoint p2PublicShare() {
    return party == Party.P2 ? ownPublicShare : peerPublicShare;
  }

  /** The joint chain code: secret to the two nodes, input to {@code Ed25519Derivation}. */
  public byte[] chainCode() {
    return chainCode.clone();
  }

  BigInteger secretShare() {
    return new BigInteger(1, reversed(secretShare));
  }

  byte[] nonceKey() {
    return nonceKey.clone();
  }

  /** Whether the key was made from a joint seed, so its seed can be exported. */
  public boolean hasSeedShare() {
    return seedShare != null;
  }

  /** This party's seed share s_i (s = s1 ⊕ s2); only for a key made from a seed. */
  public byte[] seedShare() {
    if (seedShare == null) {
      throw new IllegalStateException("this key was not made from a seed");
    }
    return seedShare.clone();
  }

  /** Overwrites the secret share and the nonce key; the object is useless afterwards. */
  public void destroy() {
    Arrays.fill(secretShare, (byte) 0);
    Arrays.fill(nonceKey, (byte) 0);
    if (seedShare != null) {
      Arrays.fill(seedShare, (byte) 0);
    }
  }

  public byte[] toBytes() {
    WireWriter w =
        new WireWriter()
            .text(TYPE)
            .text(party.name())
            .bytes(secretShare)
            .bytes(publicKey.encode())
            .bytes(peerPublicShare.encode())
            .bytes(chainCode)
            .bytes(nonceKey);
    if (seedShare != null) {
      w.bytes(seedShare);
    }
    byte[] body = w.toBytes();
    byte[] out = new byte[body.length + 1];
    out[0] = seedShare == null ? VERSION : SEEDED_VERSION;
    System.arraycopy(body, 0, out, 1, body.length);
    return out;
  }

  /** Parses and checks a blob: version, canonical fields, points, and A = a_i·B + A_peer. */
  public static EddsaKeyShare fromBytes(byte[] blob) {
    if (blob == null || blob.length < 1 || (blob[0] != VERSION && blob[0] != SEEDED_VERSION)) {
      throw malformed("unknown key share version");
    }
    WireReader r = new WireReader(Arrays.copyOfRange(blob, 1, blob.length));
    if (!TYPE.equals(r.text(TYPE.length()))) {
      throw malformed("not an EdDSA key share");
    }
    Party party = party(r.text(2));
    byte[] share = r.fixedBytes(Ed25519.SCALAR_BYTES);
    EdPoint publicKey = G.decode(r.fixedBytes(Ed25519.POINT_BYTES));
    EdPoint peer = G.decode(r.fixedBytes(Ed25519.POINT_BYTES));
    byte[] chainCode = r.fixedBytes(32);
    byte[] nonceKey = r.fixedBytes(32);
    byte[] seed = blob[0] == SEEDED_VERSION ? r.fixedBytes(SEED_BYTES) : null;
    r.end();
    EddsaKeyShare s =
        new EddsaKeyShare(
            party, Ed25519.scalarFromBytes(share, "secret share"), peer, chainCode, nonceKey, seed);
    Arrays.fill(share, (byte) 0);
    if (seed != null) {
      Arrays.fill(seed, (byte) 0);
    }
    if (!G.same(s.publicKey, publicKey)) {
      throw malformed("public shares do not add up to the public key");
    }
    return s;
  }

  private static Party party(String name) {
    for (Party p : Party.values()) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw malformed("unknown party");
  }

  private static byte[] reversed(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[b.length - 1 - i];
    }
    return out;
  }

  private static ProtocolAbort malformed(String detail) {
    return new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, detail);
  }

  @Override
  public String toString() {
    return "EddsaKeyShare["
        + party
        + ", A="
        + publicKey
        + ", share=<redacted>"
        + (seedShare == null ? "" : ", seed share=<redacted>")
        + "]";
  }
}
