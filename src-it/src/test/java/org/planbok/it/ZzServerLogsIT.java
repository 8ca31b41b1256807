package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs last (the name sorts last): after every other test has sent PIN secrets, handled peppers and
 * shares and exported keys, neither server's log nor database holds any of them, in any usual
 * encoding.
 */
class ZzServerLogsIT {
  private static final int SHORT = 16;

  @Test
  void noSecretTheTestsHandledIsInAServerLog() throws IOException {
    List<String> secrets = SecretsSeen.all();
    assertTrue(secrets.size() > 50, "the other tests ran first: " + secrets.size() + " secrets");
    Path home = Path.of(System.getProperty("planbok.it.home"));
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> files =
        Stream.concat(
            Files.list(home.resolve("payara6/glassfish/domains/domain1/logs")),
            Files.list(home.resolve("logs")))) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().contains(".log"))
          .forEach(logs::add);
    }
    assertTrue(logs.size() >= 2, "found the logs: " + logs);
    assertTrue(logs.stream().anyMatch(l -> l.endsWith("server.log")), "Node 1's log: " + logs);
    assertTrue(logs.stream().anyMatch(l -> l.endsWith("node2.log")), "Node 2's log: " + logs);
    for (Path log : logs) {
      String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertFalse(
            appears(text, secret),
            "a secret of " + secret.length() + " characters is in " + log.getFileName());
      }
    }
  }

  /**
   * Neither database holds any of them either, audit rows included: Node 1 keeps verifiers, hashes
   * and wrapped keys, Node 2 sealed rows. The 6-digit codes are left out here; a dump is full of
   * numbers, and codes are stored hashed (RecoveryCodes).
   */
  @Test
  void noSecretTheTestsHandledIsInEitherDatabase() throws IOException, InterruptedException {
    List<String> secrets = SecretsSeen.all();
    assertTrue(secrets.size() > 50, "the other tests ran first: " + secrets.size() + " secrets");
    for (String database : List.of("planbok_it_node1", "planbok_it_node2")) {
      String dump = DatabaseDump.of(database);
      assertTrue(dump.contains("CREATE TABLE"), "dumped " + database);
      for (String secret : secrets) {
        if (secret.length() >= SHORT) {
          assertFalse(
              dump.contains(secret),
              "a secret of " + secret.length() + " characters is in " + database);
        }
      }
    }
  }

  /**
   * A long secret anywhere, even inside a longer blob; a short one (a 6-digit recovery code) only
   * as a whole token, since the logs' millisecond timestamps hold any six digits now and then.
   */
  static boolean appears(String text, String secret) {
    if (secret.length() >= SHORT) {
      return text.contains(secret);
    }
    return Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(secret) + "(?![0-9A-Za-z])")
        .matcher(text)
        .find();
  }
}
