package org.planbok.mpc.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void splittingBytesDifferentlyGivesDifferentDigests() {
    byte[] ab =
        Transcript.start("t").append("x", new byte[] {1, 2}).append("y", new byte[] {3}).digest();
    byte[] a_b =
        Transcript.start("t").append("x", new byte[] {1}).append("y", new byte[] {2, 3}).digest();
    assertFalse(Arrays.equals(ab, a_b));
  }

  @Test
  void domainsSeparate() {
    byte[] one = Transcript.start("one").append("x", "v").digest();
    byte[] two = Transcript.start("two").append("x", "v").digest();
    assertFalse(Arrays.equals(one, two));
  }

  @Test
  void knownAnswer() {
    // Independently computed: SHA-256 over u32be(6) "domain" u32be(14) "planbok/v1/kat" u32be(1)
    // "x"
    // u32be(3) 01 02 03. Pinned so the encoding that keys and proofs depend on never changes
    // silently.
    String hex =
        HexFormat.of()
            .formatHex(Transcript.start("kat").append("x", new byte[] {1, 2, 3}).digest());
    assertEquals("c6950b9ef6a6b10b2f72023b12e494602f1ce3e772c61255a02773b2a4e1681c", hex);
  }

  @Test
  void forkLeavesOriginalUnchanged() {
    Transcript t = Transcript.start("t").append("a", "1");
    byte[] before = t.digest();
    t.fork().append("b", "2");
    assertTrue(Arrays.equals(before, t.digest()));
  }

  @Test
  void challengesAreBelowTheModulusAndLabelled() {
    BigInteger m = BigInteger.valueOf(1_000_003);
    Transcript t = Transcript.start("t").append("a", "1");
    for (String label : new String[] {"a", "b", "c"}) {
      BigInteger c = t.challenge(m, label);
      assertTrue(c.signum() >= 0 && c.compareTo(m) < 0);
    }
    assertFalse(
        t.challenge(m, "a").equals(t.challenge(m, "b"))
            && t.challenge(m, "b").equals(t.challenge(m, "c")));
  }

  @Test
  void unsignedDropsTheSignByte() {
    assertEquals("ff", HexFormat.of().formatHex(Transcript.unsigned(BigInteger.valueOf(255))));
    assertEquals("00", HexFormat.of().formatHex(Transcript.unsigned(BigInteger.ZERO)));
  }
}
