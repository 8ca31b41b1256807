package org.planbok.mpc.ot;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A generator that gives the same bytes for the same seed (SHA-256 in counter mode), so a test can
 * run a party twice with the same secrets, e.g. the same Δ. Never for production use.
 */
final class ReplayableRandom extends SecureRandom {
  private final long seed;
  private long counter;
  private byte[] block = new byte[0];
  private int used;

  ReplayableRandom(long seed) {
    this.seed = seed;
  }

  @Override
  public void nextBytes(byte[] out) {
    for (int k = 0; k < out.length; k++) {
      if (used == block.length) {
        block = sha256(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
        used = 0;
      }
      out[k] = block[used++];
    }
  }

  @Override
  public void setSeed(long ignored) {
    // SecureRandom's constructor calls this; the seed is fixed at construction.
  }

  private static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
