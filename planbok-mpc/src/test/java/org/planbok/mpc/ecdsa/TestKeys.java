package org.planbok.mpc.ecdsa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;

/**
 * Test fixtures: fixed pre-generated Paillier keys (so tests do not spend CPU on primes), a trusted
 * dealer for tests that only exercise signing, and cheap Paillier masks.
 */
public final class TestKeys {
  private static final List<PaillierSecretKey> PAILLIER = load();

  private TestKeys() {}

  /** One of four fixed 2048-bit Paillier–Blum keys. TEST ONLY: the primes are public. */
  public static PaillierSecretKey paillier(int i) {
    return PAILLIER.get(Math.floorMod(i, PAILLIER.size()));
  }

  /** Shares dealt by one party who knows x: only for tests of signing in isolation. */
  public static EcdsaRun.Keys dealt(PaillierSecretKey sk, SecureRandom random) {
    Secp256k1 g = Secp256k1.INSTANCE;
    BigInteger xA = g.randomScalar(random);
    BigInteger xB = g.randomScalar(random);
    ECPoint qA = g.multiplyGenerator(xA);
    ECPoint qB = g.multiplyGenerator(xB);
    ECPoint q = g.add(qA, qB);
    byte[] cc = new byte[32];
    random.nextBytes(cc);
    BigInteger cKey = sk.publicKey().encrypt(xA, random);
    return new EcdsaRun.Keys(
        new EcdsaP1KeyShare(xA, sk, q, qA, qB, cc, cKey, false),
        new EcdsaP2KeyShare(xB, q, qA, qB, cc, sk.publicKey(), cKey));
  }

  /**
   * Cheap valid masks for tests: products of a few precomputed {@code r^N} are again of the form
   * {@code r^N}, so correctness holds without one 2048-bit power per signature.
   */
  public static Supplier<BigInteger> cheapMasks(PaillierPublicKey pk, SecureRandom random) {
    BigInteger[] base = new BigInteger[8];
    for (int i = 0; i < base.length; i++) {
      base[i] = pk.randomMask(random);
    }
    return () ->
        base[random.nextInt(base.length)]
            .multiply(base[random.nextInt(base.length)])
            .mod(pk.modulusSquared());
  }

  private static List<PaillierSecretKey> load() {
    List<PaillierSecretKey> keys = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                TestKeys.class.getResourceAsStream("paillier-test-keys.txt"),
                StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] pq = line.trim().split(" ");
          keys.add(new PaillierSecretKey(new BigInteger(pq[0], 16), new BigInteger(pq[1], 16)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(keys);
  }
}
