package org.planbok.node2.api;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named for their role on the Node 1 ⇄ Node 2 link. Both ends give their gRPC event
 * loops and executors their own threads (never grpc's shared ones), so nothing outlives an
 * undeploy, and thread dumps say which end and which role a thread serves.
 */
public final class LinkThreads {
  private LinkThreads() {}

  public static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
