package org.planbok.mpc.paillier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolsTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadFactory THREADS = Thread::new;
  private static final PaillierSecretKey SK = PaillierSecretKey.generate(1024, RANDOM);

  @Test
  void keyPoolHandsOutValidBlumKeys() throws Exception {
    try (PaillierKeyPool pool = new PaillierKeyPool(2, 1, THREADS, RANDOM, 512)) {
      awaitAvailable(pool::available, 1);
      for (int i = 0; i < 3; i++) {
        PaillierSecretKey key = pool.take();
        assertEquals(512, key.publicKey().modulus().bitLength());
        assertEquals(3, key.p().mod(BigInteger.valueOf(4)).intValue());
        BigInteger m = BigInteger.valueOf(1000 + i);
        assertEquals(m, key.decrypt(key.publicKey().encrypt(m, RANDOM)));
      }
    }
  }

  @Test
  void defaultKeyPoolMakes2048BitKeys() {
    try (PaillierKeyPool pool = new PaillierKeyPool(1, 0, THREADS, RANDOM)) {
      assertEquals(2048, pool.take().publicKey().modulus().bitLength());
    }
  }

  @Test
  void emptyKeyPoolGeneratesInline() {
    try (PaillierKeyPool pool = new PaillierKeyPool(1, 0, THREADS, RANDOM, 512)) {
      assertEquals(0, pool.available());
      assertEquals(512, pool.take().publicKey().modulus().bitLength());
    }
  }

  @Test
  void closeStopsTheKeyWorkers() throws Exception {
    PaillierKeyPool pool = new PaillierKeyPool(1, 2, THREADS, RANDOM, 512);
    awaitAvailable(pool::available, 1);
    pool.close();
    awaitStopped(pool::stopped);
    assertEquals(512, pool.take().publicKey().modulus().bitLength());
  }

  @Test
  void maskPoolHandsOutNthResidues() throws Exception {
    try (MaskPool pool = new MaskPool(SK.publicKey(), 4, 1, THREADS, RANDOM)) {
      awaitAvailable(pool::available, 4);
      for (int i = 0; i < 6; i++) {
        BigInteger m = BigInteger.valueOf(i);
        assertEquals(m, SK.decrypt(pool.encrypt(m)));
      }
    }
  }

  @Test
  void emptyMaskPoolComputesInline() {
    try (MaskPool pool = new MaskPool(SK.publicKey(), 1, 0, THREADS, RANDOM)) {
      BigInteger mask = pool.take();
      assertEquals(BigInteger.ZERO, SK.decrypt(mask));
    }
  }

  @Test
  void concurrentTakesGetDistinctMasks() throws Exception {
    Set<BigInteger> seen = ConcurrentHashMap.newKeySet();
    ExecutorService takers = Executors.newFixedThreadPool(4);
    try (MaskPool pool = new MaskPool(SK.publicKey(), 8, 2, THREADS, RANDOM)) {
      List<Future<?>> jobs =
          IntStream.range(0, 4)
              .<Future<?>>mapToObj(
                  k ->
                      takers.submit(
                          () -> {
                            for (int i = 0; i < 10; i++) {
                              BigInteger mask = pool.take();
                              assertEquals(BigInteger.ZERO, SK.decrypt(mask));
                              assertTrue(seen.add(mask), "a mask was handed out twice");
                            }
                          }))
              .toList();
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      takers.shutdownNow();
    }
    assertEquals(40, seen.size());
  }

  @Test
  void closeStopsTheMaskWorkers() throws Exception {
    MaskPool pool = new MaskPool(SK.publicKey(), 2, 2, THREADS, RANDOM);
    awaitAvailable(pool::available, 2);
    pool.close();
    awaitStopped(pool::stopped);
    assertEquals(BigInteger.ZERO, SK.decrypt(pool.take()));
  }

  private static void awaitAvailable(java.util.function.IntSupplier available, int n)
      throws InterruptedException {
    for (int i = 0; i < 600 && available.getAsInt() < n; i++) {
      Thread.sleep(50);
    }
    assertTrue(available.getAsInt() >= n, "pool did not fill");
  }

  private static void awaitStopped(java.util.function.BooleanSupplier stopped)
      throws InterruptedException {
    for (int i = 0; i < 600 && !stopped.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertTrue(stopped.getAsBoolean(), "workers still running after close");
  }
}
