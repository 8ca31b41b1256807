package org.planbok.mpc.eddsa;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.SessionId;

/**
 * Both parties of the seed key generation in one process, every message through its encoding, with
 * a hook through which a test plays a peer that alters what it sends.
 */
public final class SeedKeyGenRun {
  /** What the wire does to round {@code round}'s bytes (1 to 9); the identity for an honest run. */
  @FunctionalInterface
  public interface Wire {
    byte[] carry(int round, byte[] bytes);
  }

  private SeedKeyGenRun() {}

  public static EddsaRun.Keys keyGen(SecureRandom random) {
    return keyGen(random, (round, bytes) -> bytes, null);
  }

  public static EddsaRun.Keys keyGen(SecureRandom random, Wire wire) {
    return keyGen(random, wire, null);
  }

  /**
   * @param sent if not null, receives the bytes P1 sent (index 0) and P2 sent (index 1)
   */
  public static EddsaRun.Keys keyGen(SecureRandom random, Wire wire, long[] sent) {
    SessionId sid = SessionId.random(random);
    byte[] keyId = "seed-run".getBytes(StandardCharsets.UTF_8);
    SeedKeyGenP1 p1 = new SeedKeyGenP1(sid, keyId, random);
    SeedKeyGenP2 p2 = new SeedKeyGenP2(sid, keyId, random);
    long[] bytes = sent == null ? new long[2] : sent;
    InMemoryNetwork.run(p1, p2, (round, message) -> send(wire, round, message, bytes));
    return new EddsaRun.Keys(
        EddsaKeyShare.fromBytes(p1.outcome().toBytes()),
        EddsaKeyShare.fromBytes(p2.outcome().toBytes()));
  }

  private static byte[] send(Wire wire, int round, byte[] bytes, long[] sent) {
    sent[round % 2 == 1 ? 0 : 1] += bytes.length;
    return wire.carry(round, bytes);
  }
}
