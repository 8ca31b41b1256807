package org.planbok.mpc.paillier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * A bounded queue that worker threads keep full with values from an expensive supplier. {@link
 * #take()} never waits for a worker: an empty pool computes the value inline.
 */
final class BackgroundPool<T> implements AutoCloseable {
  private final BlockingQueue<T> ready;
  private final Supplier<T> supplier;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  BackgroundPool(int capacity, int workerCount, ThreadFactory threads, Supplier<T> supplier) {
    if (capacity < 1 || workerCount < 0) {
      throw new IllegalArgumentException("capacity must be positive, workers non-negative");
    }
    this.ready = new ArrayBlockingQueue<>(capacity);
    this.supplier = supplier;
    for (int i = 0; i < workerCount; i++) {
      Thread t = threads.newThread(this::fill);
      t.setDaemon(true);
      workers.add(t);
    }
    workers.forEach(Thread::start);
  }

  private void fill() {
    try {
      while (!closed) {
        ready.put(supplier.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A pooled value, or one computed now when the pool is empty or closed. */
  T take() {
    T value = ready.poll();
    return value != null ? value : supplier.get();
  }

  /** How many values are ready now. */
  int available() {
    return ready.size();
  }

  /** Whether every worker thread has ended. */
  boolean stopped() {
    return workers.stream().noneMatch(Thread::isAlive);
  }

  /** Stops the workers (interrupting any that wait for room) and drops the pooled values. */
  @Override
  public void close() {
    closed = true;
    workers.forEach(Thread::interrupt);
    ready.clear();
  }
}
