package org.planbok.console.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.console.control.ConsoleUsers;
import org.planbok.console.control.SignIn;
import org.planbok.console.entity.ConsoleUser;

/**
 * The console users as a Jakarta Security identity store: an email address and password are checked
 * against the user's Argon2id hash by {@link ConsoleUsers#signIn}, which also counts wrong
 * passwords per account and client ({@link ClientAddress}). The caller's name is the user's id
 * (stable when the address changes), the group the role's label.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {
  @Inject ConsoleUsers users;
  @Inject SignInAttempt attempt;
  @Inject HttpServletRequest request;

  @Inject
  @ConfigProperty(name = "planbok.console.sign-in.client-address-header")
  Optional<String> clientAddressHeader;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    SignIn outcome;
    try {
      outcome =
          users.signIn(
              login.getCaller(),
              ClientAddress.of(request, clientAddressHeader),
              login.getPassword().getValue());
    } finally {
      login.getPassword().clear();
    }
    attempt.ended(outcome);
    if (outcome instanceof SignIn.SignedIn signedIn) {
      ConsoleUser user = signedIn.user();
      return new CredentialValidationResult(user.id().toString(), Set.of(user.role().label()));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
  }
}
