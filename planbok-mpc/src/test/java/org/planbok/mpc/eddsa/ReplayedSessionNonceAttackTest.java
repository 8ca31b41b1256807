package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;

/**
 * A malicious Node 1 (P2) against Node 2's (P1's) hedged nonce while Node 2's random generator is
 * stuck: it runs a signing session, then replays the same session id and message with a new R2. Had
 * r1 depended only on the nonce key, session id, key, message and ρ, it would repeat, and the two
 * partial signatures {@code s1 = r1 + k·a1}, {@code s1' = r1 + k'·a1} would give {@code a1 = (s1 −
 * s1')/(k − k')}. Hashing P2's nonce commitment into r1 makes the replay useless.
 */
class ReplayedSessionNonceAttackTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger L = Ed25519.L;

  @Test
  void aStuckGeneratorAndAReplayedSessionDoNotRepeatNode2sNonce() {
    EddsaRun.Keys keys = EddsaRun.keyGen(RANDOM);
    SessionId sid = SessionId.random(RANDOM);
    byte[] message = "pay 1 SOL to alice".getBytes();
    SecureRandom stuck = new StuckRandom();

    Observed first = probe(keys, sid, message, stuck);
    Observed replay = probe(keys, sid, message, stuck);

    assertFalse(first.r1.equals(replay.r1), "Node 2 answered the replay with the same R1");
    BigInteger recovered =
        first.s1.subtract(replay.s1).multiply(first.k.subtract(replay.k).modInverse(L)).mod(L);
    assertNotEquals(keys.p1().secretShare(), recovered, "the replay recovered Node 2's share");
  }

  /** What P2 sees of one session in which it picks a fresh R2 of its own. */
  private record Observed(EdPoint r1, BigInteger k, BigInteger s1) {}

  private static Observed probe(
      EddsaRun.Keys keys, SessionId sid, byte[] message, SecureRandom node2Random) {
    EddsaSignP1 node2 = new EddsaSignP1(keys.p1(), sid, message, BigInteger.ZERO, node2Random);
    EddsaSignP2 node1 = new EddsaSignP2(keys.p2(), sid, message, BigInteger.ZERO, RANDOM);
    SignNonce nonce = node2.onCommitment(node1.start());
    SignOpening opening = node1.onNonce(nonce);
    SignPartial partial = node2.onOpening(opening);
    EdPoint r = Ed25519.INSTANCE.add(nonce.nonce(), opening.nonce());
    BigInteger k = new SigningContext(keys.p1(), message, BigInteger.ZERO).challenge(r.encode());
    return new Observed(nonce.nonce(), k, partial.partial());
  }

  /** A generator that always gives the same bytes. */
  private static final class StuckRandom extends SecureRandom {
    @Override
    public void nextBytes(byte[] bytes) {
      Arrays.fill(bytes, (byte) 7);
    }
  }
}
