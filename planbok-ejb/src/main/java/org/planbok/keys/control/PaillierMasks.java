package org.planbok.keys.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.planbok.mpc.paillier.PaillierPublicKey;

/**
 * Encryption masks {@code r^N mod N²} computed ahead for the Paillier keys of recently used ECDSA
 * keys. The mask is the costliest step of Node 1's signing round (one 2048-bit exponentiation
 * modulo N², ≈ 10 ms here): with one ready, a signature takes one multiplication instead. Each mask
 * is handed out once and replaced in the background; the first signature of a key computes its mask
 * inline. Kept for the {@value #KEYS} most recently used keys, {@value #PER_KEY} each, in memory
 * only.
 */
@ApplicationScoped
public class PaillierMasks {
  static final int KEYS = 256;
  static final int PER_KEY = 2;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Resource ManagedExecutorService executor;

  private final Map<BigInteger, Deque<BigInteger>> ready =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BigInteger, Deque<BigInteger>> eldest) {
          return size() > KEYS;
        }
      };

  /** A fresh mask for {@code key}, made ready earlier when possible; then one more is made. */
  public BigInteger take(PaillierPublicKey key) {
    BigInteger mask;
    synchronized (ready) {
      mask = ready.computeIfAbsent(key.modulus(), n -> new ArrayDeque<>()).poll();
    }
    prepare(key);
    return mask != null ? mask : key.randomMask(RANDOM);
  }

  /** Makes masks ready for {@code key} in the background, up to {@value #PER_KEY}. */
  public void prepare(PaillierPublicKey key) {
    try {
      executor.execute(() -> refill(key));
    } catch (RejectedExecutionException e) {
      // Busy or shutting down: the next signature computes its mask inline.
    }
  }

  private void refill(PaillierPublicKey key) {
    while (true) {
      synchronized (ready) {
        Deque<BigInteger> masks = ready.computeIfAbsent(key.modulus(), n -> new ArrayDeque<>());
        if (masks.size() >= PER_KEY) {
          return;
        }
      }
      BigInteger mask = key.randomMask(RANDOM);
      synchronized (ready) {
        Deque<BigInteger> masks = ready.computeIfAbsent(key.modulus(), n -> new ArrayDeque<>());
        if (masks.size() >= PER_KEY) {
          return;
        }
        masks.add(mask);
      }
    }
  }
}
