package org.planbok.console.control;

import java.util.Arrays;
import org.planbok.console.entity.ConsoleUser;

/**
 * A console user just created, with the generated password that exists only here and is shown once.
 * {@link #close()} zeroes it.
 */
public record NewConsoleUser(ConsoleUser user, char[] password) implements AutoCloseable {
  @Override
  public void close() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "NewConsoleUser[" + user.email() + "]";
  }
}
