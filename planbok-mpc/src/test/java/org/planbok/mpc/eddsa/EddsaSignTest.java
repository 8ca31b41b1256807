package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

class EddsaSignTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final EddsaRun.Keys KEYS = EddsaRun.keyGen(RANDOM);
  private final byte[] message = "pay 1 SOL to alice".getBytes();

  @Test
  void twoHundredKeysSignTenRandomMessagesEachUnderRandomTweaks() {
    for (int k = 0; k < 200; k++) {
      EddsaRun.Keys keys = EddsaRun.keyGen(RANDOM);
      Ed25519Derivation derivation =
          new Ed25519Derivation(keys.p1().publicKey(), keys.p1().chainCode());
      for (int i = 0; i < 10; i++) {
        byte[] m = randomMessage();
        int index = RANDOM.nextInt();
        BigInteger tweak = i == 0 ? BigInteger.ZERO : derivation.tweak(index);
        byte[] child =
            i == 0 ? keys.p1().publicKey().encode() : derivation.childPublicKey(index).encode();
        EddsaSignature sig = EddsaRun.sign(keys, m, tweak, RANDOM).signature();
        assertTrue(bouncyCastleVerifies(child, m, sig.toBytes()));
      }
    }
  }

  @Test
  void oneKeySignsTwoThousandMessages() {
    byte[] a = KEYS.p1().publicKey().encode();
    for (int i = 0; i < 2000; i++) {
      byte[] m = randomMessage();
      EddsaSignature sig = EddsaRun.sign(KEYS, m, BigInteger.ZERO, RANDOM).signature();
      assertTrue(bouncyCastleVerifies(a, m, sig.toBytes()));
    }
  }

  @Test
  void signsTheEmptyMessageAndALargeOne() {
    for (byte[] m : new byte[][] {new byte[0], new byte[100_000]}) {
      EddsaSignature sig = EddsaRun.sign(KEYS, m, BigInteger.ZERO, RANDOM).signature();
      assertTrue(bouncyCastleVerifies(KEYS.p1().publicKey().encode(), m, sig.toBytes()));
    }
  }

  @Test
  void twoSessionsNeverShareANonce() {
    Set<String> r1 = new HashSet<>();
    Set<String> r2 = new HashSet<>();
    Set<String> r = new HashSet<>();
    int sessions = 1000;
    for (int i = 0; i < sessions; i++) {
      EddsaRun.Signing s = EddsaRun.sign(KEYS, message, BigInteger.ZERO, RANDOM);
      r1.add(hex(s.nonce().nonce().encode()));
      r2.add(hex(s.opening().nonce().encode()));
      r.add(hex(s.signature().r()));
    }
    assertEquals(sessions, r1.size());
    assertEquals(sessions, r2.size());
    assertEquals(sessions, r.size());
  }

  @Test
  void sameSessionIdAndMessageStillGiveFreshNonces() {
    SessionId sid = SessionId.random(RANDOM);
    Set<String> commitments = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
      commitments.add(p2.start().commitment().toString());
    }
    assertEquals(100, commitments.size());
  }

  @Test
  void rejectsBadCommitmentOpening() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    SignNonce n = p1.onCommitment(p2.start());
    SignOpening honest = p2.onNonce(n);
    // P2 tries to swap R2 after seeing R1.
    SignOpening swapped =
        new SignOpening(
            sid,
            Ed25519.INSTANCE.multiplyGenerator(Ed25519.INSTANCE.randomScalar(RANDOM)),
            honest.randomness());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p1.onOpening(swapped));
  }

  @Test
  void rejectsSigningADifferentMessageThanThePeer() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 =
        new EddsaSignP2(KEYS.p2(), sid, "pay 9 SOL to mallory".getBytes(), BigInteger.ZERO, RANDOM);
    SignNonce n = p1.onCommitment(p2.start());
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p1.onOpening(p2.onNonce(n)));
  }

  @Test
  void rejectsTamperedPartialSignature() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    SignPartial s = p1.onOpening(p2.onNonce(p1.onCommitment(p2.start())));
    SignPartial bad = new SignPartial(sid, s.partial().add(BigInteger.ONE).mod(Ed25519.L));
    assertAbort(AbortReason.BAD_SIGNATURE, () -> p2.onPartial(bad));
  }

  @Test
  void rejectsPartialSignatureNotBelowTheOrder() {
    SessionId sid = SessionId.random(RANDOM);
    byte[] wire = new SignPartial(sid, BigInteger.ONE).toBytes();
    byte[] l = littleEndian(Ed25519.L);
    System.arraycopy(l, 0, wire, wire.length - 32, 32);
    assertAbort(AbortReason.INVALID_SCALAR, () -> SignPartial.fromBytes(wire));
  }

  @Test
  void rejectsMessagesFromAnotherSession() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaRun.Signing other = EddsaRun.sign(KEYS, message, BigInteger.ZERO, RANDOM);
    assertAbort(AbortReason.WRONG_SESSION, () -> p1.onCommitment(other.commitment()));
    p2.start();
    assertAbort(AbortReason.WRONG_SESSION, () -> p2.onNonce(other.nonce()));
  }

  @Test
  void rejectsAReplayedRoundMessage() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    SignCommitment c = p2.start();
    SignNonce n = p1.onCommitment(c);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onCommitment(c));
    SignOpening o = p2.onNonce(n);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onNonce(n));
    SignPartial s = p1.onOpening(o);
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onOpening(o));
    p2.onPartial(s);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onPartial(s));
  }

  @Test
  void rejectsRoundsOutOfOrder() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaRun.Signing other = EddsaRun.sign(KEYS, message, BigInteger.ZERO, RANDOM);
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onNonce(other.nonce()));
    assertAbort(AbortReason.WRONG_STATE, () -> p2.onPartial(other.partial()));
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onOpening(other.opening()));
  }

  @Test
  void aPartyThatAbortedRefusesToContinue() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaSignP1 p1 = new EddsaSignP1(KEYS.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(KEYS.p2(), sid, message, BigInteger.ZERO, RANDOM);
    SignOpening o = p2.onNonce(p1.onCommitment(p2.start()));
    SignOpening wrong = new SignOpening(sid, o.nonce(), new byte[32]);
    assertAbort(AbortReason.BAD_COMMITMENT, () -> p1.onOpening(wrong));
    assertAbort(AbortReason.WRONG_STATE, () -> p1.onOpening(o));
  }

  @Test
  void rejectsIdentityNonce() {
    assertNonceRejected("0100000000000000000000000000000000000000000000000000000000000000");
  }

  @Test
  void rejectsSmallOrderNonces() {
    assertNonceRejected("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertNonceRejected("0000000000000000000000000000000000000000000000000000000000000080");
    assertNonceRejected("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
    assertNonceRejected("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85");
  }

  @Test
  void rejectsNonCanonicalNonce() {
    assertNonceRejected("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertNonceRejected("0100000000000000000000000000000000000000000000000000000000000080");
  }

  @Test
  void rejectsNonceOffTheCurve() {
    for (int y = 2; ; y++) {
      byte[] enc = new byte[32];
      enc[0] = (byte) y;
      if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(enc, 0)) {
        assertNonceRejected(HexFormat.of().formatHex(enc));
        return;
      }
    }
  }

  @Test
  void rejectsNonceWithASmallOrderComponent() {
    Ed25519 g = Ed25519.INSTANCE;
    // R1 + T for T of order 2, i.e. (x, y) → (−x, −y): on the curve, outside the subgroup.
    byte[] enc = g.multiplyGenerator(g.randomScalar(RANDOM)).encode();
    assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(enc, 0));
    java.math.BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    byte[] yBytes = enc.clone();
    int sign = (yBytes[31] >>> 7) & 1;
    yBytes[31] &= 0x7f;
    BigInteger y = new BigInteger(1, reverse(yBytes));
    byte[] negY = littleEndian(p.subtract(y));
    negY[31] |= (byte) ((1 - sign) << 7);
    assertTrue(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(negY, 0));
    assertNonceRejected(HexFormat.of().formatHex(negY));
  }

  private void assertNonceRejected(String hex) {
    byte[] wire = new SignNonce(SessionId.random(RANDOM), Ed25519.INSTANCE.generator()).toBytes();
    System.arraycopy(HexFormat.of().parseHex(hex), 0, wire, wire.length - 32, 32);
    assertAbort(AbortReason.INVALID_POINT, () -> SignNonce.fromBytes(wire));
  }

  private static byte[] reverse(byte[] b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[b.length - 1 - i];
    return out;
  }

  @Test
  void rejectsTrailingBytesAndForeignMessageTypes() {
    EddsaRun.Signing s = EddsaRun.sign(KEYS, message, BigInteger.ZERO, RANDOM);
    byte[] wire = s.nonce().toBytes();
    byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 1);
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> SignNonce.fromBytes(longer));
    assertAbort(AbortReason.MALFORMED_MESSAGE, () -> SignOpening.fromBytes(wire));
  }

  @Test
  void encodingsRoundTrip() {
    EddsaRun.Signing s = EddsaRun.sign(KEYS, message, BigInteger.ZERO, RANDOM);
    assertArrayEquals(
        s.commitment().toBytes(), SignCommitment.fromBytes(s.commitment().toBytes()).toBytes());
    assertArrayEquals(s.nonce().toBytes(), SignNonce.fromBytes(s.nonce().toBytes()).toBytes());
    assertArrayEquals(
        s.opening().toBytes(), SignOpening.fromBytes(s.opening().toBytes()).toBytes());
    assertArrayEquals(
        s.partial().toBytes(), SignPartial.fromBytes(s.partial().toBytes()).toBytes());
  }

  static boolean bouncyCastleVerifies(byte[] publicKey, byte[] m, byte[] sig) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(m, 0, m.length);
    return verifier.verifySignature(sig);
  }

  static void assertAbort(AbortReason reason, Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }

  static byte[] littleEndian(BigInteger v) {
    byte[] out = new byte[32];
    byte[] be = v.toByteArray();
    for (int i = 0; i < 32 && i < be.length; i++) out[i] = be[be.length - 1 - i];
    return out;
  }

  private static byte[] randomMessage() {
    byte[] m = new byte[RANDOM.nextInt(200)];
    RANDOM.nextBytes(m);
    return m;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
