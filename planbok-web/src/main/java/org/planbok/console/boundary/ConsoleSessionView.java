package org.planbok.console.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Who is signed in, for the pages: the user, their organization, and the session's CSRF token,
 * which the pages send back in {@code X-CSRF-Token} with every change.
 */
@JsonbPropertyOrder({"userId", "email", "role", "organizationId", "organizationName", "csrfToken"})
public record ConsoleSessionView(
    String userId,
    String email,
    String role,
    String organizationId,
    String organizationName,
    String csrfToken,
    int sessionTimeoutSeconds) {
  @Override
  public String toString() {
    return "ConsoleSessionView[" + email + "]";
  }
}
