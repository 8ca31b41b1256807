package org.planbok.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the real servers through the same script that started them, the way an operator
 * would. Node 1 restarted here comes back with the planbok.ear Arquillian deployed, loaded fresh at
 * start-up (deploying over it in the same JVM can leave EclipseLink holding the old classes), so
 * Arquillian's undeploy at the end of the class still finds it.
 */
final class Servers {
  private Servers() {}

  static void restartBoth() {
    run("stop-node1", Map.of());
    Node2Process.stop();
    Node2Process.start();
    run("start-node1", Map.of("PLANBOK_DEPLOY_EAR", "registered"));
  }

  /** Node 2's process id, to freeze or kill it without the script. */
  static long node2Pid() {
    try {
      return Long.parseLong(
          Files.readString(Path.of(System.getProperty("planbok.it.home"), "node2.pid")).strip());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void run(String command, Map<String, String> env) {
    Path script = Path.of(System.getProperty("planbok.it.scripts"), "servers.sh");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
      builder.environment().putAll(env);
      Process p = builder.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean finished = p.waitFor(240, TimeUnit.SECONDS);
      System.out.print(output);
      if (!finished || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("servers.sh " + command + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
