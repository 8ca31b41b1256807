package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A full {@code pg_dump} of one of the tests' databases: what a thief of its disk or backups gets.
 */
final class DatabaseDump {
  private DatabaseDump() {}

  /** The dump as text, each byte one character, so binary columns can be searched too. */
  static String of(String database) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", database)
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, new String(out));
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
