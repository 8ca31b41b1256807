package org.planbok.console.control;

import java.time.Instant;
import org.planbok.console.entity.ConsoleUser;

/** How a sign-in ended. Unknown address, wrong password and disabled user all look alike. */
public sealed interface SignIn {
  record SignedIn(ConsoleUser user) implements SignIn {}

  record Refused() implements SignIn {}

  /** Too many wrong passwords: nothing is checked until {@code until}. */
  record Throttled(Instant until) implements SignIn {}
}
