package org.planbok.console.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /console/session}. A class, not a record (see docs/troubleshooting.md).
 */
@Schema(
    name = "ConsoleSignIn",
    requiredProperties = {"email", "password"})
public class SignInCommand {
  @Schema(example = "ada@acme.example")
  private String email;

  @Schema(description = "12 to 128 characters")
  private String password;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public String toString() {
    return "SignInCommand[" + email + "]";
  }
}
