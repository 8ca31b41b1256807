package org.planbok.custody.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.organization.boundary.CallerOrganization;

/**
 * The endpoints of an owner's secret: a customer's PIN, which never reaches Planbok (the client
 * sends {@code encryptedSecret = HMAC-SHA256(Argon2id(PIN, clientSalt), label)}), or an
 * organization's Organization Secret. Node 2 checks it and counts wrong attempts; only a right one
 * opens the owner's vault (DESIGN §5). {@code CustomerPinResource} declares the endpoints once and
 * {@code OrganizationSecretResource} inherits them, saying whose.
 */
public abstract class SecretEndpoints {
  protected static final String PROBLEM = "application/problem+json";
  private static final String SECRET = "encryptedSecret";

  @Inject protected Vaults vaults;
  @Inject protected CallerOrganization caller;

  /** Whose secret: the owner, which must be active to change anything when {@code toChange}. */
  protected abstract Subject owner(boolean toChange);

  /** How the API shows this kind of secret. */
  protected abstract SecretView view(Vault vault, boolean set);

  protected SecretView handleGet() {
    Subject subject = owner(false);
    Vault vault = vaults.ensure(subject, caller.id());
    return view(vault, vaults.wrapping(subject, SecretPurpose.unlocking(subject)).isPresent());
  }

  protected Response handleSetUp(SecretCommand command) {
    Subject subject = owner(true);
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      vaults.setUp(subject, caller.id(), SecretPurpose.unlocking(subject), secret);
    }
    return Response.status(Response.Status.CREATED)
        .entity(view(vaults.ensure(subject, caller.id()), true))
        .build();
  }

  protected Response handleVerify(SecretCommand command) {
    Subject subject = owner(true);
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      vaults.verify(subject, SecretPurpose.unlocking(subject), secret);
    }
    return Response.ok(new VerifiedView(true)).build();
  }

  protected Response handleChange(SecretChange command) {
    Subject subject = owner(true);
    try (ClientSecret current = SecretFields.parse(command.getEncryptedSecret(), SECRET);
        ClientSecret next =
            SecretFields.parse(command.getNewEncryptedSecret(), "newEncryptedSecret")) {
      vaults.change(subject, SecretPurpose.unlocking(subject), current, next);
    }
    return Response.ok(view(vaults.ensure(subject, caller.id()), true)).build();
  }
}
