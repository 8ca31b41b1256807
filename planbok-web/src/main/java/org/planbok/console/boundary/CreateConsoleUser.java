package org.planbok.console.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.web.problem.ProblemException;

/**
 * The body that adds a console user, from the operator (the first admin) or an admin: an email
 * address and a role ({@code admin} or {@code viewer}). No password: one is generated and shown
 * once.
 */
@Schema(
    name = "CreateConsoleUser",
    requiredProperties = {"email", "role"})
public class CreateConsoleUser {
  @Schema(example = "ada@acme.example")
  private String email;

  @Schema(
      example = "admin",
      enumeration = {"admin", "viewer"})
  private String role;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public EmailAddress email() {
    if (email == null) {
      throw ProblemException.invalidField("email", "email: required");
    }
    return new EmailAddress(email.strip());
  }

  public ConsoleRole role() {
    return ConsoleRole.parse(role)
        .orElseThrow(() -> ProblemException.invalidField("role", "role: admin or viewer"));
  }
}
