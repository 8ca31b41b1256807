package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.organization.entity.OrganizationId;

/**
 * The signed-in console user of this request, as {@link ConsoleGate} found them in the database.
 * Console resources take the organization only from here, never from the request.
 */
@RequestScoped
public class ConsoleCaller {
  private ConsoleUser user;
  private SignedInUser session;

  void signedIn(ConsoleUser user, SignedInUser session) {
    this.user = user;
    this.session = session;
  }

  private ConsoleUser user() {
    if (user == null) {
      throw new IllegalStateException("no console user signed in for this request");
    }
    return user;
  }

  public OrganizationId organization() {
    return user().organization();
  }

  public ConsoleRole role() {
    return user().role();
  }

  public ConsoleUser consoleUser() {
    return user();
  }

  SignedInUser session() {
    user();
    return session;
  }

  boolean isSignedIn() {
    return user != null;
  }
}
