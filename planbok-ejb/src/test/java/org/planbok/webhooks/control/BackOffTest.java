package org.planbok.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffTest {
  @Test
  void doublesFromTheInitialWaitUpToTheCapThenGivesUp() {
    BackOff backOff = new BackOff(Duration.ofSeconds(30), Duration.ofHours(1), 10);
    long[] minutesTimesTwo = {1, 2, 4, 8, 16, 32, 64, 120, 120};
    for (int failures = 1; failures <= 9; failures++) {
      assertEquals(
          Duration.ofSeconds(30 * minutesTimesTwo[failures - 1]),
          backOff.after(failures),
          "after " + failures + " failure(s)");
    }
    assertNull(backOff.after(10), "the 10th failure was the last attempt");
    assertNull(backOff.after(11));
  }

  @Test
  void theTestServersScheduleFitsInSeconds() {
    BackOff backOff = new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(2), 4);
    assertEquals(Duration.ofSeconds(1), backOff.after(1));
    assertEquals(Duration.ofSeconds(2), backOff.after(2));
    assertEquals(Duration.ofSeconds(2), backOff.after(3));
    assertNull(backOff.after(4));
  }

  @Test
  void aManyTimesFailedDeliveryDoesNotOverflow() {
    BackOff backOff = new BackOff(Duration.ofSeconds(30), Duration.ofHours(1), 1000);
    assertEquals(Duration.ofHours(1), backOff.after(999));
  }

  @Test
  void rejectsASettingThatMakesNoSchedule() {
    assertThrows(
        IllegalArgumentException.class, () -> new BackOff(Duration.ZERO, Duration.ofHours(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BackOff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
  }
}
