package org.planbok.it;

import java.util.Map;

/**
 * Stops and starts the real Node 2 (Payara Micro) through the same script that started it, the way
 * an operator would, to show what Node 1 does without it.
 */
final class Node2Process {
  private Node2Process() {}

  static void stop() {
    Servers.run("stop-node2", Map.of());
  }

  static void kill() {
    Servers.run("kill-node2", Map.of());
  }

  static void start() {
    Servers.run("start-node2", Map.of());
  }
}
