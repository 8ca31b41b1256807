package org.planbok.mpc.eddsa;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
    byte[] m1 = send(wire, 1, p1.start().toBytes(), bytes);
    byte[] m2 = send(wire, 2, p2.onOffer(SeedKeyGenMessage.fromBytes(m1, 1)).toBytes(), bytes);
    byte[] m3 =
        send(wire, 3, p1.onOfferAnswered(SeedKeyGenMessage.fromBytes(m2, 2)).toBytes(), bytes);
    byte[] m4 = send(wire, 4, p2.onMatrix(SeedKeyGenMessage.fromBytes(m3, 3)).toBytes(), bytes);
    byte[] m5 = send(wire, 5, p1.onGarbled(SeedKeyGenMessage.fromBytes(m4, 4)).toBytes(), bytes);
    byte[] m6 = send(wire, 6, p2.onGarbled(SeedKeyGenMessage.fromBytes(m5, 5)).toBytes(), bytes);
    byte[] m7 = send(wire, 7, p1.onCheck(SeedKeyGenMessage.fromBytes(m6, 6)).toBytes(), bytes);
    byte[] m8 =
        send(wire, 8, p2.onOpenedCheck(SeedKeyGenMessage.fromBytes(m7, 7)).toBytes(), bytes);
    byte[] m9 = send(wire, 9, p1.onShare(KeyGenShare.fromBytes(m8)).toBytes(), bytes);
    EddsaKeyShare share2 = p2.onOpening(KeyGenOpening.fromBytes(m9));
    return new EddsaRun.Keys(
        EddsaKeyShare.fromBytes(p1.keyShare().toBytes()),
        EddsaKeyShare.fromBytes(share2.toBytes()));
  }

  private static byte[] send(Wire wire, int round, byte[] bytes, long[] sent) {
    sent[round % 2 == 1 ? 0 : 1] += bytes.length;
    return wire.carry(round, bytes);
  }
}
