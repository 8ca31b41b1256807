package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.mpc.eddsa.EddsaSignTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

class EddsaKeyGenTest {
  private static final Ed25519 G = Ed25519.INSTANCE;
  private static final byte[] KEY_ID = "key-3".getBytes();
  private static final byte[] AUX = KeyGenRules.proofAux(KEY_ID);
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);
  private final EddsaKeyGenP1 p1 = new EddsaKeyGenP1(sid, KEY_ID, random);
  private final EddsaKeyGenP2 p2 = new EddsaKeyGenP2(sid, KEY_ID, random);

  @Test
  void bothPartiesAgreeOnKeyChainCodeAndPublicShares() {
    KeyGenShare s = p2.onCommitment(p1.start());
    KeyGenOpening o = p1.onShare(s);
    EddsaKeyShare s2 = p2.onOpening(o);
    EddsaKeyShare s1 = p1.keyShare();
    assertEquals(s1.publicKey(), s2.publicKey());
    assertArrayEquals(s1.chainCode(), s2.chainCode());
    assertEquals(s1.p1PublicShare(), s2.p1PublicShare());
    assertEquals(s1.p2PublicShare(), s2.p2PublicShare());
    assertEquals(G.multiplyGenerator(s1.secretShare().add(s2.secretShare())), s1.publicKey());
    assertArrayEquals(KeyGenRules.chainCode(o.chainCodePart(), s.chainCodePart()), s1.chainCode());
  }

  @Test
  void keyShareBlobRoundTripsUnderFourKilobytesAndRedactsItsSecret() {
    EddsaRun.Keys keys = EddsaRun.keyGen(random);
    for (EddsaKeyShare s : new EddsaKeyShare[] {keys.p1(), keys.p2()}) {
      byte[] blob = s.toBytes();
      assertEquals(EddsaKeyShare.VERSION, blob[0]);
      assertTrue(blob.length < 4096, "blob is " + blob.length + " bytes");
      assertEquals(213, blob.length);
      assertArrayEquals(blob, EddsaKeyShare.fromBytes(blob).toBytes());
      String text = s.toString();
      assertTrue(text.contains("redacted"));
      assertFalse(text.contains(s.secretShare().toString(16)));
    }
  }

  @Test
  void rejectsKeyShareBlobOfUnknownVersionOrInconsistentKey() {
    byte[] blob = EddsaRun.keyGen(random).p1().toBytes();
    byte[] v2 = blob.clone();
    v2[0] = 2;
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> EddsaKeyShare.fromBytes(v2));
    byte[] tampered = blob.clone();
    tampered[40] ^= 1; // inside the secret share: a1·B + A2 no longer equals A
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> EddsaKeyShare.fromBytes(tampered));
    byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 1);
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> EddsaKeyShare.fromBytes(longer));
  }

  @Test
  void rejectsBadCommitmentOpening() {
    KeyGenOpening o = p1.onShare(p2.onCommitment(p1.start()));
    byte[] otherRho = new byte[32];
    KeyGenOpening bad =
        new KeyGenOpening(sid, o.publicShare(), o.proof(), o.chainCodePart(), otherRho);
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.onOpening(bad));
  }

  @Test
  void rejectsChainCodeChangedAfterCommitting() {
    KeyGenOpening o = p1.onShare(p2.onCommitment(p1.start()));
    byte[] cc = o.chainCodePart();
    cc[0] ^= 1;
    KeyGenOpening bad = new KeyGenOpening(sid, o.publicShare(), o.proof(), cc, o.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.onOpening(bad));
  }

  @Test
  void rejectsRoguePublicShareChosenAfterSeeingTheOther() {
    // A malicious P1 sees A2 and wants A = T for a key T of its choosing: A1' = T − A2. It still
    // has to open the commitment it sent before A2 existed, and cannot.
    KeyGenCommitment c = p1.start();
    KeyGenShare s = p2.onCommitment(c);
    KeyGenOpening honest = p1.onShare(s);
    BigInteger t = G.randomScalar(random);
    EdPoint rogue = G.add(G.multiplyGenerator(t), G.negate(s.publicShare()));
    KeyGenOpening forged =
        new KeyGenOpening(sid, rogue, honest.proof(), honest.chainCodePart(), honest.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.onOpening(forged));
  }

  @Test
  void rejectsBadDlogProofFromP2() {
    KeyGenShare s = p2.onCommitment(p1.start());
    DlogProof bad = new DlogProof(s.proof().commitment(), s.proof().response().add(BigInteger.ONE));
    KeyGenShare forged = new KeyGenShare(sid, s.publicShare(), bad, s.chainCodePart());
    assertAbort(AbortReason.BAD_PROOF, () -> p1.onShare(forged));
  }

  @Test
  void rejectsBadDlogProofFromP1() {
    // P1 commits honestly to a share whose proof is for another key: the opening matches but the
    // proof does not.
    KeyGenShare s = p2.onCommitment(p1.start());
    KeyGenOpening o = p1.onShare(s);
    BigInteger x = G.randomScalar(random);
    DlogProof other = DlogProof.prove(G, sid, Party.P1, AUX, x, G.multiplyGenerator(x), random);
    KeyGenOpening forged =
        new KeyGenOpening(sid, o.publicShare(), other, o.chainCodePart(), o.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p2.onOpening(forged));
    EddsaKeyGenP2 fresh = new EddsaKeyGenP2(sid, KEY_ID, random);
    KeyGenOpening committedToBadProof = committedOpening(fresh, o.publicShare(), other);
    assertAbort(AbortReason.BAD_PROOF, () -> fresh.onOpening(committedToBadProof));
  }

  /**
   * A proof made in the keygen of another key, in a session with the same id, is refused: it binds
   * that key's id. Without the binding a peer could run two keygens under one session id and carry
   * a share and its proof from one key into the other.
   */
  @Test
  void rejectsAShareProvedForAnotherKeyId() {
    byte[] otherKey = "key-4".getBytes();
    KeyGenShare forOtherKey = new EddsaKeyGenP2(sid, otherKey, random).onCommitment(p1.start());
    assertAbort(AbortReason.BAD_PROOF, () -> p1.onShare(forOtherKey));
  }

  @Test
  void rejectsAnOpeningProvedForAnotherKeyId() {
    EddsaKeyGenP1 otherKey = new EddsaKeyGenP1(sid, "key-4".getBytes(), random);
    KeyGenOpening o =
        otherKey.onShare(
            new EddsaKeyGenP2(sid, "key-4".getBytes(), random).onCommitment(otherKey.start()));
    EddsaKeyGenP2 target = new EddsaKeyGenP2(sid, KEY_ID, random);
    KeyGenOpening replayed = committedOpening(target, o.publicShare(), o.proof());
    assertAbort(AbortReason.BAD_PROOF, () -> target.onOpening(replayed));
  }

  @Test
  void rejectsProofMadeForAnotherSession() {
    p1.start();
    BigInteger a2 = G.randomScalar(random);
    EdPoint a2Point = G.multiplyGenerator(a2);
    DlogProof proof =
        DlogProof.prove(G, SessionId.random(random), Party.P2, AUX, a2, a2Point, random);
    KeyGenShare forged = new KeyGenShare(sid, a2Point, proof, new byte[32]);
    assertAbort(AbortReason.BAD_PROOF, () -> p1.onShare(forged));
  }

  @Test
  void rejectsProofMadeByTheOtherParty() {
    p1.start();
    BigInteger a2 = G.randomScalar(random);
    EdPoint a2Point = G.multiplyGenerator(a2);
    DlogProof proof = DlogProof.prove(G, sid, Party.P1, AUX, a2, a2Point, random);
    KeyGenShare forged = new KeyGenShare(sid, a2Point, proof, new byte[32]);
    assertAbort(AbortReason.BAD_PROOF, () -> p1.onShare(forged));
  }

  @Test
  void rejectsMessagesFromAnotherSession() {
    SessionId otherSid = SessionId.random(random);
    EddsaKeyGenP1 q1 = new EddsaKeyGenP1(otherSid, KEY_ID, random);
    EddsaKeyGenP2 q2 = new EddsaKeyGenP2(otherSid, KEY_ID, random);
    KeyGenCommitment qc = q1.start();
    KeyGenShare qs = q2.onCommitment(qc);
    KeyGenOpening qo = q1.onShare(qs);
    assertAbort(AbortReason.WRONG_SESSION, () -> p2.onCommitment(qc));
    EddsaKeyGenP2 r2 = new EddsaKeyGenP2(sid, KEY_ID, random);
    r2.onCommitment(p1.start());
    assertAbort(AbortReason.WRONG_SESSION, () -> p1.onShare(qs));
    assertAbort(AbortReason.WRONG_SESSION, () -> r2.onOpening(qo));
  }

  @Test
  void rejectsReplayedMessages() {
    KeyGenCommitment c = p1.start();
    KeyGenShare s = p2.onCommitment(c);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onCommitment(c));
    KeyGenOpening o = p1.onShare(s);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onShare(s));
    p2.onOpening(o);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onOpening(o));
    assertAbort(AbortReason.WRONG_STATE, () -> p1.start());
  }

  @Test
  void rejectsRoundsOutOfOrder() {
    assertAbort(AbortReason.WRONG_STATE, () -> p1.keyShare());
    KeyGenCommitment c = new EddsaKeyGenP1(sid, KEY_ID, random).start();
    KeyGenShare s = new EddsaKeyGenP2(sid, KEY_ID, random).onCommitment(c);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onShare(s));
    EddsaKeyGenP1 q1 = new EddsaKeyGenP1(sid, KEY_ID, random);
    KeyGenOpening o = q1.onShare(new EddsaKeyGenP2(sid, KEY_ID, random).onCommitment(q1.start()));
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onOpening(o));
  }

  @Test
  void rejectsSmallOrderAndInvalidPublicShares() {
    KeyGenShare s = p2.onCommitment(p1.start());
    byte[] wire = s.toBytes();
    int at = indexOf(wire, s.publicShare().encode());
    for (String hex :
        new String[] {
          "0100000000000000000000000000000000000000000000000000000000000000",
          "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
          "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
          "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
        }) {
      byte[] w = wire.clone();
      System.arraycopy(java.util.HexFormat.of().parseHex(hex), 0, w, at, 32);
      assertAbort(AbortReason.INVALID_POINT, () -> KeyGenShare.fromBytes(w));
    }
  }

  @Test
  void encodingsRoundTrip() {
    KeyGenCommitment c = p1.start();
    KeyGenShare s = p2.onCommitment(c);
    KeyGenOpening o = p1.onShare(s);
    assertArrayEquals(c.toBytes(), KeyGenCommitment.fromBytes(c.toBytes()).toBytes());
    assertArrayEquals(s.toBytes(), KeyGenShare.fromBytes(s.toBytes()).toBytes());
    assertArrayEquals(o.toBytes(), KeyGenOpening.fromBytes(o.toBytes()).toBytes());
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> KeyGenOpening.fromBytes(s.toBytes()));
  }

  /** Builds, for a fresh P2, a P1 opening that commits honestly to (A1, a bad proof). */
  private KeyGenOpening committedOpening(EddsaKeyGenP2 target, EdPoint a1, DlogProof proof) {
    byte[] cc1 = new byte[32];
    org.planbok.mpc.commit.Commitment.Committed c =
        org.planbok.mpc.commit.Commitment.commit(
            KeyGenRules.COMMIT_LABEL, sid, Party.P1, KeyGenOpening.payload(a1, proof, cc1), random);
    target.onCommitment(new KeyGenCommitment(sid, c.commitment()));
    return new KeyGenOpening(sid, a1, proof, cc1, c.opening().randomness());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
