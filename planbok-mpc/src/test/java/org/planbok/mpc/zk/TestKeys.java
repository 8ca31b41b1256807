package org.planbok.mpc.zk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.planbok.mpc.paillier.PaillierSecretKey;

/** Fixed 2048-bit Paillier–Blum keys from a test resource, so most tests skip prime generation. */
final class TestKeys {
  private static final List<PaillierSecretKey> KEYS = load();
  private static BigInteger prime;

  private TestKeys() {}

  static PaillierSecretKey first() {
    return KEYS.get(0);
  }

  static PaillierSecretKey second() {
    return KEYS.get(1);
  }

  static PaillierSecretKey third() {
    return KEYS.get(2);
  }

  /** A 2048-bit prime ≡ 3 (mod 4): a "modulus" that passes Π_mod and must fail screening. */
  static BigInteger prime2048() {
    return prime;
  }

  private static List<PaillierSecretKey> load() {
    try (InputStream in = TestKeys.class.getResourceAsStream("paillier-keys.txt")) {
      List<BigInteger> values = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("prime=")) {
          prime = new BigInteger(line.substring(6).trim(), 16);
        } else if (line.startsWith("p=") || line.startsWith("q=")) {
          values.add(new BigInteger(line.substring(2).trim(), 16));
        }
      }
      List<PaillierSecretKey> keys = new ArrayList<>();
      for (int i = 0; i + 1 < values.size(); i += 2) {
        keys.add(new PaillierSecretKey(values.get(i), values.get(i + 1)));
      }
      return List.copyOf(keys);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
