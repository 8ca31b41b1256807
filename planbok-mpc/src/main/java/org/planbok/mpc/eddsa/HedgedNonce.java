package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;

/**
 * A hedged signing nonce (DESIGN §4): {@code r_i = SHA-512(label ‖ nonce key ‖ sid ‖ party ‖ A' ‖ M
 * ‖ peer commitment ‖ ρ) mod ℓ}, every item prefixed with its 4-byte big-endian length, ρ 32 fresh
 * random bytes. The secret nonce key keeps r_i unpredictable if the random generator fails; ρ keeps
 * two sessions over the same message and key apart (the deterministic RFC 8032 nonce would repeat
 * across sessions and a peer choosing its own nonce afresh would then learn the share).
 *
 * <p>The peer's nonce commitment is hashed in as well, for the party that answers one (P1, Node 2):
 * if ρ ever repeats (a stuck generator) and a malicious peer replays the session id and message
 * with a new R2, it must commit to that new R2 first, which changes r1. Without it the replay would
 * give {@code s1 = r1 + k·a1} and {@code s1' = r1 + k'·a1} for the same r1, and so a1. P2 commits
 * first and passes an empty commitment.
 */
final class HedgedNonce {
  private static final byte[] LABEL = "planbok/v1/eddsa/nonce".getBytes(StandardCharsets.UTF_8);

  private HedgedNonce() {}

  static BigInteger derive(
      byte[] nonceKey,
      SessionId sid,
      Party party,
      byte[] childKey,
      byte[] message,
      byte[] peerCommitment,
      SecureRandom random) {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    MessageDigest h = sha512();
    for (byte[] item :
        new byte[][] {
          LABEL,
          nonceKey,
          sid.bytes(),
          party.name().getBytes(StandardCharsets.UTF_8),
          childKey,
          message,
          peerCommitment,
          fresh
        }) {
      int n = item.length;
      h.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
      h.update(item);
    }
    BigInteger r = Ed25519.reduce(h.digest());
    if (r.signum() == 0) {
      throw new IllegalStateException("nonce reduced to zero");
    }
    return r;
  }

  static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is required by the JDK", e);
    }
  }
}
