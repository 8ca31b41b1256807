package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.mpc.eddsa.EddsaSignTest.assertAbort;
import static org.planbok.mpc.eddsa.EddsaSignTest.bouncyCastleVerifies;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.SessionId;

class EddsaKeyExportTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final EddsaRun.Keys KEYS = EddsaRun.keyGen(RANDOM);
  private final Ed25519 g = Ed25519.INSTANCE;

  @Test
  void reconstructedChildScalarMatchesTheChildPublicKey() {
    Ed25519Derivation d = new Ed25519Derivation(KEYS.p1().publicKey(), KEYS.p1().chainCode());
    for (int index = 0; index < 10; index++) {
      EddsaKeyExport export = EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), index);
      assertArrayEquals(d.childPublicKey(index).encode(), export.publicKey());
      BigInteger scalar = Ed25519.scalarFromBytes(export.scalar(), "scalar");
      assertArrayEquals(export.publicKey(), g.multiplyGenerator(scalar).encode());
      assertArrayEquals(export.scalar(), Arrays.copyOf(export.expandedSecretKey(), 32));
    }
  }

  @Test
  void expandedKeySignsWithTheStandardEquationAndBouncyCastleVerifies() throws Exception {
    EddsaKeyExport export = EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), 7);
    for (int i = 0; i < 20; i++) {
      byte[] m = new byte[i * 13];
      RANDOM.nextBytes(m);
      byte[] sig = signWithExpandedKey(export.expandedSecretKey(), export.publicKey(), m);
      assertTrue(bouncyCastleVerifies(export.publicKey(), m, sig));
    }
  }

  @Test
  void rootKeyExportSignsForTheRootKey() throws Exception {
    EddsaKeyExport export = EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), BigInteger.ZERO);
    assertArrayEquals(KEYS.p1().publicKey().encode(), export.publicKey());
    byte[] m = "root".getBytes();
    byte[] sig = signWithExpandedKey(export.expandedSecretKey(), export.publicKey(), m);
    assertTrue(bouncyCastleVerifies(export.publicKey(), m, sig));
  }

  @Test
  void exportIsDeterministicAndRedacted() {
    EddsaKeyExport a = EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), 3);
    EddsaKeyExport b = EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), 3);
    assertArrayEquals(a.expandedSecretKey(), b.expandedSecretKey());
    assertTrue(a.toString().contains("redacted"));
    assertFalse(a.toString().contains(java.util.HexFormat.of().formatHex(a.scalar())));
  }

  @Test
  void rejectsSharesOfDifferentKeys() {
    EddsaRun.Keys other = EddsaRun.keyGen(RANDOM);
    assertAbort(
        AbortReason.WRONG_SESSION,
        () -> EddsaKeyExport.reconstruct(KEYS.p1(), other.p2(), BigInteger.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> EddsaKeyExport.reconstruct(KEYS.p2(), KEYS.p1(), BigInteger.ZERO));
  }

  @Test
  void maskedPartsOverTheWireAddUpToTheSameKeyAsBothShares() {
    SessionId sid = SessionId.random(RANDOM);
    BigInteger tweak = new Ed25519Derivation(KEYS.p1().publicKey(), KEYS.p1().chainCode()).tweak(5);
    MaskedExport node2 = EddsaKeyExport.maskedRelease(KEYS.p1(), sid, RANDOM);
    ExportMask mask = ExportMask.fromBytes(node2.mask().toBytes());
    byte[] m1 = EddsaKeyExport.node1Part(KEYS.p2(), sid, mask, tweak);
    BigInteger a = MaskedExport.combine(ExportCurve.ED25519, m1, node2.node2Part());
    assertArrayEquals(
        EddsaKeyExport.reconstruct(KEYS.p1(), KEYS.p2(), 5).scalar(), Ed25519.scalarBytes(a));
    assertTrue(mask.toString().contains("redacted"));
    assertFalse(mask.toString().contains(mask.rho().toString(16)));
  }

  @Test
  void rejectsAMaskOfAnotherSession() {
    ExportMask mask =
        EddsaKeyExport.maskedRelease(KEYS.p1(), SessionId.random(RANDOM), RANDOM).mask();
    assertAbort(
        AbortReason.WRONG_SESSION,
        () -> EddsaKeyExport.node1Part(KEYS.p2(), SessionId.random(RANDOM), mask, BigInteger.ZERO));
  }

  @Test
  void onlyP1MasksAndOnlyP2AddsItsPart() {
    SessionId sid = SessionId.random(RANDOM);
    assertThrows(
        IllegalArgumentException.class, () -> EddsaKeyExport.maskedRelease(KEYS.p2(), sid, RANDOM));
    ExportMask mask = EddsaKeyExport.maskedRelease(KEYS.p1(), sid, RANDOM).mask();
    assertThrows(
        IllegalArgumentException.class,
        () -> EddsaKeyExport.node1Part(KEYS.p1(), sid, mask, BigInteger.ZERO));
  }

  /** RFC 8032 §5.1.6 from an expanded key (scalar ‖ prefix), as an importing tool would sign. */
  static byte[] signWithExpandedKey(byte[] expanded, byte[] publicKey, byte[] m) throws Exception {
    Ed25519 g = Ed25519.INSTANCE;
    BigInteger a = Ed25519.scalarFromBytes(Arrays.copyOf(expanded, 32), "a");
    MessageDigest h = MessageDigest.getInstance("SHA-512");
    h.update(expanded, 32, 32);
    h.update(m);
    BigInteger r = Ed25519.reduce(h.digest());
    byte[] rEnc = g.multiplyGenerator(r).encode();
    h.update(rEnc);
    h.update(publicKey);
    h.update(m);
    BigInteger k = Ed25519.reduce(h.digest());
    byte[] sig = Arrays.copyOf(rEnc, 64);
    System.arraycopy(Ed25519.scalarBytes(r.add(k.multiply(a)).mod(Ed25519.L)), 0, sig, 32, 32);
    assertEquals(64, sig.length);
    return sig;
  }
}
