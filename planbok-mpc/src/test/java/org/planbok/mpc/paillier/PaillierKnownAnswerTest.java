package org.planbok.mpc.paillier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A 64-bit toy key whose values can be checked by hand (or in any bignum calculator). */
class PaillierKnownAnswerTest {
  private static final BigInteger P = BigInteger.valueOf(4294967291L);
  private static final BigInteger Q = BigInteger.valueOf(4294967279L);
  private final PaillierSecretKey sk = new PaillierSecretKey(P, Q);
  private final PaillierPublicKey pk = sk.publicKey();

  @Test
  void modulusIsTheProductOfTheBlumPrimes() {
    assertEquals(new BigInteger("18446743979220271189"), pk.modulus());
    assertEquals(P.subtract(BigInteger.ONE).multiply(Q.subtract(BigInteger.ONE)), sk.phi());
  }

  @Test
  void encryptsAndDecryptsTheKnownAnswers() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("paillier-kat.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split(" ");
        BigInteger m = new BigInteger(f[0]);
        BigInteger c = new BigInteger(f[2]);
        assertEquals(c, pk.encrypt(m, new BigInteger(f[1])), line);
        assertEquals(m, sk.decrypt(c), line);
      }
    }
  }

  @Test
  void encryptionWithRandomnessOneIsOnePlusMTimesN() {
    BigInteger m = BigInteger.valueOf(3);
    assertEquals(BigInteger.ONE.add(m.multiply(pk.modulus())), pk.encrypt(m, BigInteger.ONE));
  }

  @Test
  void addsPlaintextsModuloN() {
    BigInteger nMinusOne = pk.modulus().subtract(BigInteger.ONE);
    BigInteger c =
        pk.add(
            pk.encrypt(nMinusOne, BigInteger.valueOf(11)),
            pk.encrypt(BigInteger.TWO, BigInteger.TEN));
    assertEquals(BigInteger.ONE, sk.decrypt(c));
  }
}
