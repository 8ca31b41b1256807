package org.planbok.custody.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Base64;
import org.planbok.custody.entity.Vault;

/**
 * A secret as the API shows it: whether it is set, the last lockout Node 2 reported, and for a
 * customer's PIN the salt and parameters the client derives {@code encryptedSecret} with (an
 * Organization Secret is sent as it is, so it has neither).
 */
@JsonbPropertyOrder({"state", "clientSalt", "kdf", "lockedUntil"})
public record SecretView(String state, String clientSalt, Kdf kdf, Instant lockedUntil) {
  public static SecretView pin(Vault vault, boolean set) {
    return new SecretView(
        set ? "SET" : "NOT_SET",
        Base64.getUrlEncoder().withoutPadding().encodeToString(vault.clientSalt()),
        Kdf.PIN,
        lockedUntil(vault));
  }

  public static SecretView organizationSecret(Vault vault, boolean set) {
    return new SecretView(set ? "SET" : "NOT_SET", null, null, lockedUntil(vault));
  }

  private static Instant lockedUntil(Vault vault) {
    Instant locked = vault.lockedUntil();
    return locked != null && locked.isAfter(Instant.now()) ? locked : null;
  }
}
