package org.planbok.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Measured durations of one kind of operation, summarised as a benchmark table row. */
final class Latencies {
  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  void add(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  int count() {
    return nanos.size();
  }

  double percentileMillis(double p) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }

  String row(String what) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.2f | %.2f | %.2f |",
        what,
        count(),
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(100));
  }

  static String header() {
    return "| measured | n | p50 ms | p99 ms | max ms |\n| --- | --- | --- | --- | --- |";
  }

  /** Appends lines to the build's benchmark report and prints them. */
  static void report(String... lines) {
    Path file = Path.of("target", "bench", "results.md");
    try {
      Files.createDirectories(file.getParent());
      for (String line : lines) {
        System.out.println(line);
        Files.writeString(
            file,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
