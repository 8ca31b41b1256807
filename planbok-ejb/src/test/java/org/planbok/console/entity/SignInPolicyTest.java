package org.planbok.console.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void eachLockoutDoublesUpToTheCap() {
    SignInPolicy policy = new SignInPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
    assertEquals(NOW.plusSeconds(60), policy.lockedUntil(NOW, 1));
    assertEquals(NOW.plusSeconds(120), policy.lockedUntil(NOW, 2));
    assertEquals(NOW.plusSeconds(240), policy.lockedUntil(NOW, 3));
    assertEquals(NOW.plusSeconds(300), policy.lockedUntil(NOW, 4));
    assertEquals(NOW.plusSeconds(300), policy.lockedUntil(NOW, 400));
  }
}
