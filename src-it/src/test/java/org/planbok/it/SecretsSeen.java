package org.planbok.it;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the tests handed to the servers or got from them (encryptedSecrets, peppers, shares,
 * exported keys), so that the last test can show none of them reached a server log in any of the
 * usual encodings.
 */
final class SecretsSeen {
  private static final Set<String> TEXTS = ConcurrentHashMap.newKeySet();

  private SecretsSeen() {}

  static void add(byte[] secret) {
    TEXTS.add(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    TEXTS.add(Base64.getEncoder().encodeToString(secret));
    TEXTS.add(HexFormat.of().formatHex(secret));
  }

  static void addText(String secret) {
    TEXTS.add(secret);
    add(Base64.getUrlDecoder().decode(secret));
  }

  /** A secret in the text form it travels in (a hex private key, a WIF). */
  static void addRaw(String secret) {
    TEXTS.add(secret);
    TEXTS.add(secret.startsWith("0x") ? secret.substring(2) : secret);
  }

  static List<String> all() {
    return List.copyOf(TEXTS);
  }
}
