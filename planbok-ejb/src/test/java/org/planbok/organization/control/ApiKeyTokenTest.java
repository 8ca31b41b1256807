package org.planbok.organization.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.planbok.organization.entity.ApiKeyId;

class ApiKeyTokenTest {
  private static final ApiKeyId ID =
      ApiKeyId.parse("0b6f7e1c-5d0a-4a53-8c1e-2f9b7a6d4c3e").orElseThrow();

  /** A fixed "random" source, so the known answer below stays put. */
  private static SecureRandom fixed() {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) i;
        }
      }
    };
  }

  @Test
  void formatsAsPrefixHexIdAndBase64UrlSecret() {
    try (ApiKeyToken token = ApiKeyToken.generate(ID, fixed())) {
      assertEquals(
          "pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
          new String(token.text()));
    }
  }

  @Test
  void parsesWhatItFormatsAndTheHashMatches() {
    try (ApiKeyToken token = ApiKeyToken.generate(ID, new SecureRandom())) {
      byte[] stored = token.hash();
      assertEquals(32, stored.length);
      try (ApiKeyToken parsed = ApiKeyToken.parse(new String(token.text())).orElseThrow()) {
        assertEquals(ID, parsed.id());
        assertArrayEquals(stored, parsed.hash());
        assertTrue(parsed.matches(stored));
      }
    }
  }

  @Test
  void hashIsDomainSeparatedSha256OfIdAndSecret() {
    try (ApiKeyToken token = ApiKeyToken.generate(ID, fixed())) {
      // SHA-256("planbok/api-key/v1" || 0x00 || id bytes || 00 01 .. 1f), computed independently.
      assertEquals(HexFormat.of().formatHex(sha256(token)), HexFormat.of().formatHex(token.hash()));
    }
  }

  private static byte[] sha256(ApiKeyToken token) {
    try {
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update("planbok/api-key/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(HexFormat.of().parseHex(ID.hex()));
      byte[] secret = new byte[32];
      for (int i = 0; i < 32; i++) {
        secret[i] = (byte) i;
      }
      return sha.digest(secret);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void anotherSecretDoesNotMatch() {
    try (ApiKeyToken a = ApiKeyToken.generate(ID, new SecureRandom());
        ApiKeyToken b = ApiKeyToken.generate(ID, new SecureRandom())) {
      assertFalse(b.matches(a.hash()));
    }
  }

  @Test
  void theSameSecretUnderAnotherIdDoesNotMatch() {
    try (ApiKeyToken a = ApiKeyToken.generate(ID, fixed());
        ApiKeyToken b = ApiKeyToken.generate(ApiKeyId.random(), fixed())) {
      assertFalse(b.matches(a.hash()));
    }
  }

  @Test
  void rejectsAnythingNotShapedLikeAKey() {
    String good;
    try (ApiKeyToken token = ApiKeyToken.generate(ID, fixed())) {
      good = new String(token.text());
    }
    String secret = good.substring(42);
    String[] bad = {
      null,
      "",
      "garbage",
      good.substring(1),
      good + "A",
      good.substring(0, good.length() - 1),
      good.replace("pbk_live_", "pbk_test_"),
      good.replace("pbk_live_", "PBK_LIVE_"),
      "pbk_live_0B6F7E1C5D0A4A538C1E2F9B7A6D4C3E_" + secret, // upper-case hex
      "pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3g_" + secret, // not hex
      "pbk_live_0b6f7e1c5d0a4a538c1e2f9b7a6d4c3e-" + secret, // wrong separator
      good.substring(0, good.length() - 1) + "=", // padding
      good.substring(0, good.length() - 1) + "+", // base64, not base64url
      good.substring(0, good.length() - 1) + "9", // non-canonical: "8" with an unused bit set
    };
    for (String text : bad) {
      Optional<ApiKeyToken> parsed = ApiKeyToken.parse(text);
      assertTrue(parsed.isEmpty(), "refused: " + text);
    }
  }

  @Test
  void toStringNeverShowsTheSecret() {
    try (ApiKeyToken token = ApiKeyToken.generate(ID, fixed())) {
      String secret = new String(token.text()).substring(42);
      assertFalse(token.toString().contains(secret));
      assertFalse(token.toString().contains(secret.substring(0, 8)));
    }
  }

  @Test
  void closeZeroesTheSecret() {
    ApiKeyToken token = ApiKeyToken.generate(ID, new SecureRandom());
    byte[] before = token.hash();
    token.close();
    assertFalse(java.util.Arrays.equals(before, token.hash()));
  }
}
