package org.planbok.mpc.garble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class TccrHashTest {
  private final TccrHash hash = new TccrHash();

  @Test
  void isPiOfPiXorTweakXorPiUnderTheFixedKey() throws Exception {
    // An independent AES (BouncyCastle's) and the byte order spelled out: H(x, i) = π(π(x) ⊕ i) ⊕
    // π(x), π = AES-128 under the first 16 bytes of SHA-256("planbok/v1/garble/fixed-key-aes-128").
    byte[] key =
        Arrays.copyOf(
            MessageDigest.getInstance("SHA-256")
                .digest("planbok/v1/garble/fixed-key-aes-128".getBytes(StandardCharsets.UTF_8)),
            16);
    AESEngine aes = new AESEngine();
    aes.init(true, new KeyParameter(key));
    Random rnd = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      long lo = rnd.nextLong();
      long hi = rnd.nextLong();
      long tweak = rnd.nextInt(1 << 20);
      byte[] x = TccrHash.bytes(lo, hi);
      byte[] pi = new byte[16];
      aes.processBlock(x, 0, pi, 0);
      byte[] keyed = pi.clone();
      byte[] tweakBytes = TccrHash.bytes(tweak, 0);
      for (int i = 0; i < 16; i++) {
        keyed[i] ^= tweakBytes[i];
      }
      byte[] expected = new byte[16];
      aes.processBlock(keyed, 0, expected, 0);
      for (int i = 0; i < 16; i++) {
        expected[i] ^= pi[i];
      }
      long[] block = {lo, hi};
      hash.hash(block, new long[] {tweak}, 1);
      assertArrayEquals(expected, TccrHash.bytes(block[0], block[1]));
    }
  }

  @Test
  void batchOfFourEqualsFourSingleHashes() {
    Random rnd = new Random(8);
    long[] blocks = new long[8];
    long[] tweaks = new long[4];
    for (int k = 0; k < 8; k++) {
      blocks[k] = rnd.nextLong();
    }
    for (int k = 0; k < 4; k++) {
      tweaks[k] = rnd.nextInt(1000);
    }
    long[] batch = blocks.clone();
    hash.hash(batch, tweaks, 4);
    for (int k = 0; k < 4; k++) {
      long[] one = {blocks[2 * k], blocks[2 * k + 1]};
      hash.hash(one, new long[] {tweaks[k]}, 1);
      assertEquals(one[0], batch[2 * k]);
      assertEquals(one[1], batch[2 * k + 1]);
    }
  }

  @Test
  void tweakSeparatesHashesOfOneLabel() {
    long[] a = {42, 43};
    long[] b = {42, 43};
    hash.hash(a, new long[] {0}, 1);
    hash.hash(b, new long[] {1}, 1);
    assertNotEquals(a[0], b[0]);
  }
}
