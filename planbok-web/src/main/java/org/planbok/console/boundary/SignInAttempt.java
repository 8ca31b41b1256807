package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.planbok.console.control.SignIn;

/**
 * How this request's sign-in ended, kept for the resource: Jakarta Security's validation result
 * says only valid or not, and a throttled account is answered 429 with {@code Retry-After}.
 */
@RequestScoped
public class SignInAttempt {
  private SignIn outcome;

  void ended(SignIn outcome) {
    this.outcome = outcome;
  }

  Optional<SignIn> outcome() {
    return Optional.ofNullable(outcome);
  }
}
