package org.planbok.mpc.paillier;

import java.security.SecureRandom;
import java.util.concurrent.ThreadFactory;

/**
 * Pre-generated Paillier secret keys (two 1024-bit Blum primes each, the slow part of ECDSA key
 * generation), made by daemon worker threads into a bounded pool so that P1's keygen takes one
 * without waiting. An empty pool generates inline. Each key must be used for one key share only.
 */
public final class PaillierKeyPool implements AutoCloseable {
  private final BackgroundPool<PaillierSecretKey> pool;

  /**
   * @param capacity keys kept ready
   * @param workers worker threads (one is plenty on two cores)
   * @param threads makes the workers (they are marked daemon)
   * @param random the randomness for every key; must be thread-safe ({@link SecureRandom} is)
   */
  public PaillierKeyPool(int capacity, int workers, ThreadFactory threads, SecureRandom random) {
    this(capacity, workers, threads, random, PaillierPublicKey.MODULUS_BITS);
  }

  /** A pool of keys of another size (tests use small keys to spare the CPU). */
  PaillierKeyPool(
      int capacity, int workers, ThreadFactory threads, SecureRandom random, int modulusBits) {
    this.pool =
        new BackgroundPool<>(
            capacity, workers, threads, () -> PaillierSecretKey.generate(modulusBits, random));
  }

  /** A pool with one daemon worker. */
  public static PaillierKeyPool start(int capacity, SecureRandom random) {
    return new PaillierKeyPool(capacity, 1, r -> new Thread(r, "paillier-key-pool"), random);
  }

  /**
   * A fresh key from the pool, or generated now when the pool is empty. Never returns a key twice.
   */
  public PaillierSecretKey take() {
    return pool.take();
  }

  public int available() {
    return pool.available();
  }

  boolean stopped() {
    return pool.stopped();
  }

  @Override
  public void close() {
    pool.close();
  }
}
