package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.session.SessionId;

/**
 * Both parties of each EdDSA protocol in one process, for tests and benchmarks. Every message goes
 * through {@code toBytes()} and {@code fromBytes()}, as it would over the wire.
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
    KeyGenCommitment c = KeyGenCommitment.fromBytes(p1.start().toBytes());
    KeyGenShare s = KeyGenShare.fromBytes(p2.onCommitment(c).toBytes());
    KeyGenOpening o = KeyGenOpening.fromBytes(p1.onShare(s).toBytes());
    EddsaKeyShare share2 = p2.onOpening(o);
    return new Keys(
        EddsaKeyShare.fromBytes(p1.keyShare().toBytes()),
        EddsaKeyShare.fromBytes(share2.toBytes()));
  }

  public static Signing sign(Keys keys, byte[] message, BigInteger tweak, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EddsaSignP1 p1 = new EddsaSignP1(keys.p1(), sid, message, tweak, random);
    EddsaSignP2 p2 = new EddsaSignP2(keys.p2(), sid, message, tweak, random);
    SignCommitment c = SignCommitment.fromBytes(p2.start().toBytes());
    SignNonce n = SignNonce.fromBytes(p1.onCommitment(c).toBytes());
    SignOpening o = SignOpening.fromBytes(p2.onNonce(n).toBytes());
    SignPartial s = SignPartial.fromBytes(p1.onOpening(o).toBytes());
    return new Signing(c, n, o, s, p2.onPartial(s));
  }

  public static Keys refresh(Keys keys, SecureRandom random) {
    SessionId sid = SessionId.random(random);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(keys.p1(), sid, random);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(keys.p2(), sid, random);
    RefreshCommitment c = RefreshCommitment.fromBytes(p1.start().toBytes());
    RefreshContribution d = RefreshContribution.fromBytes(p2.onCommitment(c).toBytes());
    RefreshOpening o = RefreshOpening.fromBytes(p1.onContribution(d).toBytes());
    EddsaKeyShare share2 = p2.onOpening(o);
    return new Keys(p1.keyShare(), share2);
  }
}
