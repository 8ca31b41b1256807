package org.planbok.mpc.paillier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.ProtocolAbort;

class PaillierTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static PaillierSecretKey sk;
  private static PaillierPublicKey pk;

  @BeforeAll
  static void keys() {
    sk = PaillierSecretKey.generate(2048, RANDOM);
    pk = sk.publicKey();
  }

  @Test
  void modulusIsExactly2048BitsAndBlum() {
    assertEquals(2048, pk.modulus().bitLength());
    assertEquals(3, sk.p().mod(BigInteger.valueOf(4)).intValue());
    assertEquals(3, sk.q().mod(BigInteger.valueOf(4)).intValue());
  }

  @Test
  void decryptsWhatWasEncrypted() {
    for (int i = 0; i < 20; i++) {
      BigInteger m = new BigInteger(2000, RANDOM);
      assertEquals(m, sk.decrypt(pk.encrypt(m, RANDOM)));
    }
  }

  @Test
  void addsAndScalesUnderEncryption() {
    BigInteger a = new BigInteger(256, RANDOM);
    BigInteger b = new BigInteger(256, RANDOM);
    BigInteger k = new BigInteger(256, RANDOM);
    BigInteger c = pk.add(pk.multiply(pk.encrypt(a, RANDOM), k), pk.encrypt(b, RANDOM));
    assertEquals(a.multiply(k).add(b), sk.decrypt(c));
  }

  @Test
  void toStringRevealsNoFactor() {
    assertFalse(sk.toString().contains(sk.p().toString()));
  }

  @Test
  void rejectsCiphertextNotCoprimeToN() {
    assertThrows(ProtocolAbort.class, () -> pk.requireCiphertext(sk.p(), "c"));
    assertThrows(ProtocolAbort.class, () -> pk.requireCiphertext(pk.modulusSquared(), "c"));
    assertThrows(ProtocolAbort.class, () -> pk.requireCiphertext(BigInteger.ZERO, "c"));
  }
}
