package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.SessionId;

/**
 * Both parties of each EdDSA protocol in one process, for tests and benchmarks, over the {@link
 * InMemoryNetwork}: every message goes through its encoding, as it would over the wire.
 */
public final class EddsaRun {
  /** The two shares of one key. */
  public record Keys(EddsaKeyShare p1, EddsaKeyShare p2) {}

  /** Every message of one signing session and its result. */
  public record Signing(
      SignCommitment commitment,
      SignNonce nonce,
      SignOpening opening,
      SignPartial partial,
      EddsaSignature signature) {}

  private EddsaRun() {}

  public static Keys keyGen(SecureRandom random) {
    SessionId sid = SessionId.random(random);
    byte[] keyId = "eddsa-run".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    EddsaKeyGenP1 p1 = new EddsaKeyGenP1(sid, keyId, random);
    EddsaKeyGenP2 p2 = new EddsaKeyGenP2(sid, keyId, random);
    InMemoryNetwork.run(p1, p2);
    return new Keys(
        EddsaKeyShare.fromBytes(p1.outcome().toBytes()),
        EddsaKeyShare.fromBytes(p2.outcome().toBytes()));
  }

  public static Signing sign(Keys keys, byte[] message, BigInteger tweak, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EddsaSignP1 p1 = new EddsaSignP1(keys.p1(), sid, message, tweak, random);
    EddsaSignP2 p2 = new EddsaSignP2(keys.p2(), sid, message, tweak, random);
    List<byte[]> m = InMemoryNetwork.run(p1, p2);
    return new Signing(
        SignCommitment.fromBytes(m.get(0)),
        SignNonce.fromBytes(m.get(1)),
        SignOpening.fromBytes(m.get(2)),
        SignPartial.fromBytes(m.get(3)),
        p2.outcome());
  }

  public static Keys refresh(Keys keys, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(keys.p1(), sid, random);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(keys.p2(), sid, random);
    InMemoryNetwork.run(p1, p2);
    return new Keys(p1.outcome(), p2.outcome());
  }
}
