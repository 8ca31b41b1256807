package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Both parties of each ECDSA protocol in one process, for tests and benchmarks, over the {@link
 * InMemoryNetwork}: every message goes through its encoding, as over the wire.
 */
public final class EcdsaRun {
  private EcdsaRun() {}

  /** Both parties' shares of one key. */
  public record Keys(EcdsaP1KeyShare p1, EcdsaP2KeyShare p2) {}

  /** One keygen session with P1's Paillier key {@code paillier}; Node 2 is P1, Node 1 is P2. */
  public static Keys keygen(byte[] keyId, PaillierSecretKey paillier, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EcdsaKeyGenP1 p1 = new EcdsaKeyGenP1(sid, keyId, paillier, random);
    EcdsaKeyGenP2 p2 = new EcdsaKeyGenP2(sid, keyId, random);
    InMemoryNetwork.run(p1, p2);
    EcdsaP2KeyShare b = EcdsaP2KeyShare.fromBytes(p2.outcome().toBytes());
    EcdsaP1KeyShare a = EcdsaP1KeyShare.fromBytes(p1.outcome().toBytes());
    return new Keys(a, b);
  }

  /** One refresh session; P1 rotates to {@code newPaillier}. */
  public static Keys refresh(
      Keys keys, byte[] keyId, PaillierSecretKey newPaillier, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EcdsaRefreshP1 p1 = new EcdsaRefreshP1(keys.p1(), sid, keyId, newPaillier, random);
    EcdsaRefreshP2 p2 = new EcdsaRefreshP2(keys.p2(), sid, keyId, random);
    InMemoryNetwork.run(p1, p2);
    return new Keys(p1.outcome(), p2.outcome());
  }

  /** Signs with inline Paillier masks. */
  public static SignOutcome sign(Keys keys, SignRequest request, SecureRandom random) {
    return sign(keys.p1(), keys.p2(), request, random, null);
  }

  /**
   * One signing session. On {@link SignOutcome.Signed} P2 has verified and returned the same
   * signature; on {@link SignOutcome.Frozen} P2 got nothing.
   */
  public static SignOutcome sign(
      EcdsaP1KeyShare a,
      EcdsaP2KeyShare b,
      SignRequest request,
      SecureRandom random,
      Supplier<BigInteger> masks) {
    SessionId sid = SessionId.random(random);
    EcdsaSignP1 p1 = new EcdsaSignP1(a, sid, request, random);
    EcdsaSignP2 p2 =
        masks == null
            ? new EcdsaSignP2(b, sid, request, random)
            : new EcdsaSignP2(b, sid, request, random, masks);
    InMemoryNetwork.run(p1, p2);
    SignOutcome outcome = p1.outcome();
    if (outcome instanceof SignOutcome.Signed signed) {
      if (!p2.outcome().equals(signed.signature())) {
        throw new ProtocolAbort(AbortReason.BAD_SIGNATURE, "parties disagree on the signature");
      }
    }
    return outcome;
  }

  /** The signature of a run expected to succeed. */
  public static EcdsaSignature signature(SignOutcome outcome) {
    if (outcome instanceof SignOutcome.Signed signed) {
      return signed.signature();
    }
    throw new AssertionError("signing froze the key");
  }
}
