package org.planbok.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  @Test
  void roundTripsTimeToTheMicrosecondAndTheId() {
    PageCursor cursor =
        new PageCursor(
            Instant.parse("2026-11-22T06:41:21.123456Z"),
            UUID.fromString("7c0e6a8e-2f4b-4c1e-9a51-0c5f3d2b9e11"));
    String text = cursor.encode();
    assertEquals(34, text.length());
    assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    assertEquals(cursor, PageCursor.decode(text).orElseThrow());
  }

  /** The last character carries 4 unused bits, zero when canonical; set the lowest. */
  private static char unusedBitSet(char last) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return alphabet.charAt(alphabet.indexOf(last) ^ 1);
  }

  @Test
  void rejectsWhatThisServerDidNotMake() {
    String good = new PageCursor(Instant.EPOCH.plusSeconds(5), UUID.randomUUID()).encode();
    byte[] otherVersion = Base64.getUrlDecoder().decode(good);
    otherVersion[0] = 2;
    byte[] negativeTime = Base64.getUrlDecoder().decode(good);
    negativeTime[1] = (byte) 0x80;
    String[] bad = {
      null,
      "",
      "abc",
      good + "A",
      good.substring(1),
      good.replace(good.charAt(5), good.charAt(5) == '+' ? '-' : '+'),
      good + "==",
      Base64.getUrlEncoder().withoutPadding().encodeToString(otherVersion),
      Base64.getUrlEncoder().withoutPadding().encodeToString(negativeTime),
      good.substring(0, 33) + unusedBitSet(good.charAt(33)), // non-canonical last character
    };
    for (String text : bad) {
      if (text != null && text.equals(good)) {
        continue;
      }
      assertTrue(PageCursor.decode(text).isEmpty(), "refused: " + text);
    }
  }
}
