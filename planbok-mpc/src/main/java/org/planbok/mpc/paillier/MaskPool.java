package org.planbok.mpc.paillier;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.ThreadFactory;

/**
 * Precomputed Paillier encryption masks {@code r^N mod N²} for one public key (P2's encryption of
 * {@code c3} in Lindell 2017 §3.3 then costs one multiplication). The roots r are not kept: no
 * proof of ours opens them. Each mask is handed out once; an empty pool computes one inline.
 */
public final class MaskPool implements AutoCloseable {
  private final PaillierPublicKey publicKey;
  private final BackgroundPool<BigInteger> pool;

  /**
   * @param publicKey the key the masks are for
   * @param capacity masks kept ready
   * @param workers worker threads
   * @param threads makes the workers (they are marked daemon)
   * @param random thread-safe randomness for r
   */
  public MaskPool(
      PaillierPublicKey publicKey,
      int capacity,
      int workers,
      ThreadFactory threads,
      SecureRandom random) {
    this.publicKey = publicKey;
    this.pool =
        new BackgroundPool<>(capacity, workers, threads, () -> publicKey.randomMask(random));
  }

  /** A pool with one daemon worker. */
  public static MaskPool start(PaillierPublicKey publicKey, int capacity, SecureRandom random) {
    return new MaskPool(publicKey, capacity, 1, r -> new Thread(r, "paillier-mask-pool"), random);
  }

  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /** A fresh mask {@code r^N mod N²}, r uniform in Z*_N; computed now when the pool is empty. */
  public BigInteger take() {
    return pool.take();
  }

  /** {@code Enc(m)} with a pooled mask. */
  public BigInteger encrypt(BigInteger m) {
    return publicKey.encryptWithMask(m, take());
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
