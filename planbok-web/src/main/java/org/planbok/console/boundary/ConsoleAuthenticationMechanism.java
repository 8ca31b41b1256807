package org.planbok.console.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.console.control.SignIn;

/**
 * The console's Jakarta Security mechanism, for the whole web module but acting only on the console
 * API. Signing in ({@code SecurityContext.authenticate} with the user's credential) validates it
 * through the identity stores, then replaces any session with a fresh one (no session fixation),
 * sets its inactivity timeout ({@code planbok.console.session-timeout-seconds}, default 900) and
 * stores the user and a new CSRF token in it. Every later console request is authenticated from
 * that session; everything else (the API with its keys, the kit, the pages) is left alone.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject IdentityStoreHandler identityStores;
  @Inject SignInAttempt attempt;

  @Inject
  @ConfigProperty(name = "planbok.console.session-timeout-seconds", defaultValue = "900")
  int sessionTimeoutSeconds;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return signIn(request, context, credential);
    }
    // Read as the resources are matched: /api/v1/console;x=1/… is the console API too.
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!ConsolePaths.isConsoleApi(path)) {
      return context.doNothing();
    }
    return SignedInUser.of(request.getSession(false))
        .map(user -> context.notifyContainerAboutLogin(user.userId(), Set.of()))
        .orElseGet(context::doNothing);
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !(attempt.outcome().orElse(null) instanceof SignIn.SignedIn signedIn)) {
      // Not SEND_FAILURE: the resource answers the failure as a problem (401 or 429), and the
      // container must not write its own error page into the response first.
      return context.doNothing();
    }
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval(sessionTimeoutSeconds);
    new SignedInUser(
            signedIn.user().id().toString(),
            signedIn.user().organization().toString(),
            signedIn.user().sessionGeneration(),
            newToken())
        .storeIn(session);
    return context.notifyContainerAboutLogin(result);
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
