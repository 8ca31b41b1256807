package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;
import org.planbok.mpc.wire.WireWriter;

/**
 * The arithmetic both refresh parties share. δ = H(δ1, δ2, sid) mod ℓ is a {@link Transcript}
 * challenge over the group name, sid, A, δ1 and δ2; P1's share becomes a1 + δ, P2's a2 − δ, so a1 +
 * a2 and A do not change while each old share becomes useless without the other old share.
 */
final class RefreshRules {
  static final String COMMIT_LABEL = "eddsa/refresh/delta/ed25519";
  private static final Ed25519 G = Ed25519.INSTANCE;

  private RefreshRules() {}

  /** The payload of P1's commitment: its view of the key (A, A1, A2), then δ1. */
  static byte[] payload(EddsaKeyShare share, byte[] delta1) {
    return new WireWriter()
        .bytes(share.publicKey().encode())
        .bytes(share.p1PublicShare().encode())
        .bytes(share.p2PublicShare().encode())
        .bytes(delta1)
        .toBytes();
  }

  static BigInteger delta(SessionId sid, EddsaKeyShare share, byte[] delta1, byte[] delta2) {
    BigInteger delta =
        Transcript.start("eddsa/refresh/delta")
            .append("group", G.name())
            .append(sid)
            .append("A", share.publicKey().encode())
            .append("delta1", delta1)
            .append("delta2", delta2)
            .challenge(G.order());
    if (delta.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "refresh offset is zero");
    }
    return delta;
  }

  /**
   * The refreshed share: P1 adds δ, P2 subtracts it; both public shares move by ±δ·B and must still
   * add up to A. A seed share is XORed with μ = H(δ) on both sides, so s1 ⊕ s2 (and with it
   * clamp(SHA-512(s))) does not change while an old seed share is useless without the other old
   * one.
   */
  static EddsaKeyShare refreshed(EddsaKeyShare old, BigInteger delta, byte[] nonceKey) {
    boolean p1 = old.party() == Party.P1;
    BigInteger ownOffset = p1 ? delta : G.order().subtract(delta);
    BigInteger newSecret = old.secretShare().add(ownOffset).mod(G.order());
    if (newSecret.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "refreshed share is zero");
    }
    EdPoint peerOffset = G.multiplyGenerator(G.order().subtract(ownOffset));
    EdPoint newPeer = G.add(old.peerPublicShare(), peerOffset);
    if (G.isIdentity(newPeer)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "refreshed peer share is the identity");
    }
    byte[] seed = old.hasSeedShare() ? reseeded(old.seedShare(), delta) : null;
    EddsaKeyShare fresh =
        new EddsaKeyShare(old.party(), newSecret, newPeer, old.chainCode(), nonceKey, seed);
    if (seed != null) {
      java.util.Arrays.fill(seed, (byte) 0);
    }
    if (!G.same(fresh.publicKey(), old.publicKey())) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "refreshed shares change the key");
    }
    return fresh;
  }

  /** s_i ⊕ μ with μ = H("eddsa/refresh/seed-mask", δ): the same μ on both sides. */
  static byte[] reseeded(byte[] seedShare, BigInteger delta) {
    byte[] mask =
        Transcript.start("eddsa/refresh/seed-mask")
            .append("delta", delta)
            .expand("mask", EddsaKeyShare.SEED_BYTES);
    for (int i = 0; i < mask.length; i++) {
      mask[i] ^= seedShare[i];
    }
    java.util.Arrays.fill(seedShare, (byte) 0);
    return mask;
  }
}
