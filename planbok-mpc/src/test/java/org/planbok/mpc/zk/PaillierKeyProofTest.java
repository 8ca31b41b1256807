package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.ForgedKeyProof.PrimePower;

class PaillierKeyProofTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  private static final PaillierSecretKey SK = TestKeys.first();
  private static final PaillierPublicKey PK = SK.publicKey();
  private static final SessionId SID = SessionId.random(RANDOM);
  private static final byte[] AUX = "key-1".getBytes();
  private static final PaillierKeyProof PROOF = PaillierKeyProof.prove(SK, SID, Party.P1, AUX);

  @Test
  void honestProofVerifies() {
    PROOF.verify(PK, SID, Party.P1, AUX);
  }

  @Test
  void honestProofsForFreshKeysVerify() {
    for (PaillierSecretKey key :
        List.of(TestKeys.second(), PaillierSecretKey.generate(2048, RANDOM))) {
      PaillierKeyProof.prove(key, SID, Party.P2, AUX).verify(key.publicKey(), SID, Party.P2, AUX);
    }
  }

  @Test
  void roundTripsThroughBytes() {
    PaillierKeyProof decoded = PaillierKeyProof.fromBytes(PROOF.toBytes());
    assertEquals(PROOF, decoded);
    decoded.verify(PK, SID, Party.P1, AUX);
  }

  @Test
  void rejectsEvenModulus() {
    PaillierPublicKey even = new PaillierPublicKey(PK.modulus().add(BigInteger.ONE));
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER, "even", () -> PROOF.verify(even, SID, Party.P1, AUX));
  }

  @Test
  void rejectsPrimeModulusThoughItsRootsAreValid() {
    List<PrimePower> prime = List.of(new PrimePower(TestKeys.prime2048(), 1));
    PaillierKeyProof forged = ForgedKeyProof.forge(prime, SID, Party.P1, AUX);
    forged.verifyRoots(TestKeys.prime2048(), SID, Party.P1, AUX); // Π_mod alone is fooled
    PaillierPublicKey pk = new PaillierPublicKey(TestKeys.prime2048());
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER, "prime", () -> forged.verify(pk, SID, Party.P1, AUX));
  }

  @Test
  void rejectsPrimeCube() {
    BigInteger p;
    do {
      p = blumPrime(683);
    } while (p.pow(3).bitLength() != 2048);
    List<PrimePower> cube = List.of(new PrimePower(p, 3));
    assertForgeryRejected(cube, AbortReason.INVALID_PAILLIER, "perfect power");
  }

  @Test
  void rejectsPrimeSquareTimesPrime() {
    List<PrimePower> f;
    do {
      f = List.of(new PrimePower(blumPrime(683), 2), new PrimePower(blumPrime(682), 1));
    } while (ForgedKeyProof.modulus(f).bitLength() != 2048);
    // Screening passes. Fourth roots mod p² exist only for some challenges, so depending on the
    // challenges the forger fails at the fourth roots or, when they all exist, at the N-th roots
    // (gcd(N, φ(N)) = p): either way a root check refuses it, never the screening.
    PaillierKeyProof forged = ForgedKeyProof.forge(f, SID, Party.P1, AUX);
    PaillierPublicKey pk = new PaillierPublicKey(ForgedKeyProof.modulus(f));
    ProtocolAbort e =
        assertThrows(ProtocolAbort.class, () -> forged.verify(pk, SID, Party.P1, AUX));
    assertEquals(AbortReason.BAD_PROOF, e.reason());
    assertEquals(true, e.getMessage().contains("root"), e.getMessage());
  }

  @Test
  void rejectsSmallFactorTimesBlumModulus() {
    List<PrimePower> f;
    do {
      f =
          List.of(
              new PrimePower(BigInteger.valueOf(8191), 1),
              new PrimePower(blumPrime(1018), 1),
              new PrimePower(blumPrime(1018), 1));
    } while (ForgedKeyProof.modulus(f).bitLength() != 2048);
    assertForgeryRejected(f, AbortReason.INVALID_PAILLIER, "prime factor below");
  }

  @Test
  void rejectsSmallFactorTimesLargeComposite() {
    BigInteger n = PK.modulus();
    BigInteger threeTimes = n.subtract(n.mod(BigInteger.valueOf(6))).add(BigInteger.valueOf(3));
    PaillierPublicKey pk = new PaillierPublicKey(threeTimes);
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER,
        "prime factor below",
        () -> PROOF.verify(pk, SID, Party.P1, AUX));
  }

  @Test
  void rejects2047BitModulus() {
    PaillierSecretKey small = keyOfBits(1024, 1024, 2047);
    PaillierKeyProof proof = PaillierKeyProof.prove(small, SID, Party.P1, AUX);
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER,
        "not 2048 bits",
        () -> proof.verify(small.publicKey(), SID, Party.P1, AUX));
  }

  @Test
  void rejects2049BitModulus() {
    PaillierSecretKey big = keyOfBits(1025, 1024, 2049);
    PaillierKeyProof proof = PaillierKeyProof.prove(big, SID, Party.P1, AUX);
    assertAbortSaying(
        AbortReason.INVALID_PAILLIER,
        "not 2048 bits",
        () -> proof.verify(big.publicKey(), SID, Party.P1, AUX));
  }

  @Test
  void rejectsNonBlumModulus() {
    BigInteger p;
    BigInteger q;
    do {
      do {
        p = BigInteger.probablePrime(1024, RANDOM);
      } while (p.mod(FOUR).intValue() != 1);
      q = blumPrime(1024);
    } while (p.multiply(q).bitLength() != 2048);
    PaillierSecretKey notBlum = new PaillierSecretKey(p, q);
    PaillierKeyProof proof = PaillierKeyProof.prove(notBlum, SID, Party.P1, AUX);
    assertAbort(AbortReason.BAD_PROOF, () -> proof.verify(notBlum.publicKey(), SID, Party.P1, AUX));
  }

  @Test
  void rejectsWrongSessionId() {
    assertAbort(
        AbortReason.BAD_PROOF, () -> PROOF.verify(PK, SessionId.random(RANDOM), Party.P1, AUX));
  }

  @Test
  void rejectsWrongParty() {
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(PK, SID, Party.P2, AUX));
  }

  @Test
  void rejectsWrongAux() {
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(PK, SID, Party.P1, "key-2".getBytes()));
  }

  @Test
  void rejectsProofForAnotherModulus() {
    PaillierPublicKey other = TestKeys.second().publicKey();
    assertAbort(AbortReason.BAD_PROOF, () -> PROOF.verify(other, SID, Party.P1, AUX));
  }

  @Test
  void rejectsWWithJacobiSymbolPlusOne() {
    BigInteger n = PK.modulus();
    BigInteger w = PROOF.w().multiply(PROOF.w()).mod(n);
    PaillierKeyProof t =
        new PaillierKeyProof(w, PROOF.fourthRoots(), PROOF.flags(), PROOF.nthRoots());
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTamperedFourthRoot() {
    List<BigInteger> roots = new ArrayList<>(PROOF.fourthRoots());
    roots.set(7, PK.modulus().subtract(roots.get(7)).add(BigInteger.ONE));
    PaillierKeyProof t = new PaillierKeyProof(PROOF.w(), roots, PROOF.flags(), PROOF.nthRoots());
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, SID, Party.P1, AUX));
  }

  @Test
  void rejectsFourthRootNotBelowModulus() {
    List<BigInteger> roots = new ArrayList<>(PROOF.fourthRoots());
    roots.set(0, roots.get(0).add(PK.modulus()));
    PaillierKeyProof t = new PaillierKeyProof(PROOF.w(), roots, PROOF.flags(), PROOF.nthRoots());
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTamperedFlags() {
    byte[] flags = PROOF.flags();
    flags[3] ^= 1;
    PaillierKeyProof t =
        new PaillierKeyProof(PROOF.w(), PROOF.fourthRoots(), flags, PROOF.nthRoots());
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTamperedNthRoot() {
    List<BigInteger> sigmas = new ArrayList<>(PROOF.nthRoots());
    sigmas.set(9, sigmas.get(9).add(BigInteger.ONE));
    PaillierKeyProof t =
        new PaillierKeyProof(PROOF.w(), PROOF.fourthRoots(), PROOF.flags(), sigmas);
    assertAbort(AbortReason.BAD_PROOF, () -> t.verify(PK, SID, Party.P1, AUX));
  }

  @Test
  void rejectsTruncatedBytes() {
    byte[] b = PROOF.toBytes();
    assertAbort(
        AbortReason.MALFORMED_MESSAGE,
        () -> PaillierKeyProof.fromBytes(Arrays.copyOf(b, b.length - 1)));
  }

  @Test
  void rejectsOversizedBytes() {
    byte[] b = PROOF.toBytes();
    assertAbort(
        AbortReason.MALFORMED_MESSAGE,
        () -> PaillierKeyProof.fromBytes(Arrays.copyOf(b, b.length + 1)));
  }

  @Test
  void rejectsWrongRootCount() {
    List<BigInteger> fewer = PROOF.fourthRoots().subList(0, 80);
    assertAbort(
        AbortReason.MALFORMED_MESSAGE,
        () -> new PaillierKeyProof(PROOF.w(), fewer, PROOF.flags(), PROOF.nthRoots()));
  }

  @Test
  void toStringShowsNoRoots() {
    assertEquals(false, PROOF.toString().contains(PROOF.w().toString()));
  }

  private static void assertForgeryRejected(
      List<PrimePower> factors, AbortReason reason, String fragment) {
    PaillierKeyProof forged = ForgedKeyProof.forge(factors, SID, Party.P1, AUX);
    PaillierPublicKey pk = new PaillierPublicKey(ForgedKeyProof.modulus(factors));
    assertAbortSaying(reason, fragment, () -> forged.verify(pk, SID, Party.P1, AUX));
  }

  private static PaillierSecretKey keyOfBits(int pBits, int qBits, int modulusBits) {
    while (true) {
      BigInteger p = blumPrime(pBits);
      BigInteger q = blumPrime(qBits);
      if (p.multiply(q).bitLength() == modulusBits) {
        return new PaillierSecretKey(p, q);
      }
    }
  }

  static BigInteger blumPrime(int bits) {
    BigInteger p;
    do {
      p = BigInteger.probablePrime(bits, RANDOM);
    } while (p.mod(FOUR).intValue() != 3);
    return p;
  }

  static void assertAbortSaying(AbortReason reason, String fragment, Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(true, e.getMessage().contains(fragment), e.getMessage());
  }

  static void assertAbort(AbortReason reason, Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
