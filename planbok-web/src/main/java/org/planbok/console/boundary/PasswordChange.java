package org.planbok.console.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /console/session/password}. */
@Schema(
    name = "ConsolePasswordChange",
    requiredProperties = {"password", "newPassword"})
public class PasswordChange {
  private String password;
  private String newPassword;

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  @Override
  public String toString() {
    return "PasswordChange[…]";
  }
}
