package org.planbok.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the real Node 2 (Payara Micro) through the same script that started it, the way
 * an operator would, to show what Node 1 does without it.
 */
final class Node2Process {
  private Node2Process() {}

  static void stop() {
    run("stop-node2");
  }

  static void kill() {
    run("kill-node2");
  }

  static void start() {
    run("start-node2");
  }

  private static void run(String command) {
    Path script = Path.of(System.getProperty("planbok.it.scripts"), "servers.sh");
    try {
      Process p = new ProcessBuilder("bash", script.toString(), command).inheritIO().start();
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("servers.sh " + command + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
