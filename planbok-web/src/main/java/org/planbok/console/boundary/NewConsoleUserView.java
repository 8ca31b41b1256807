package org.planbok.console.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.console.control.NewConsoleUser;

/**
 * A console user just created, with the generated {@code password}: in this response only (a replay
 * of the operator's call gets the same user without it). JSON needs it as a String, which cannot be
 * zeroed; the char[] it came from is.
 */
@JsonbPropertyOrder({"id", "organizationId", "email", "role", "createdAt", "password"})
public record NewConsoleUserView(
    String id,
    String organizationId,
    String email,
    String role,
    Instant createdAt,
    String password) {
  public static final String SECRET_FIELD = "password";

  public static NewConsoleUserView of(NewConsoleUser created) {
    return new NewConsoleUserView(
        created.user().id().toString(),
        created.user().organization().toString(),
        created.user().email(),
        created.user().role().label(),
        created.user().createdAt(),
        new String(created.password()));
  }

  @Override
  public String toString() {
    return "NewConsoleUserView[" + email + "]";
  }
}
