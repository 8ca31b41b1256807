package org.planbok.customer.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Base64;
import org.planbok.custody.boundary.Kdf;
import org.planbok.custody.entity.Vault;

/**
 * A customer's PIN as the API shows it: whether it is set, the salt and parameters the client
 * derives {@code encryptedSecret} with, and the last lockout Node 2 reported.
 */
@JsonbPropertyOrder({"state", "clientSalt", "kdf", "lockedUntil"})
public record PinView(String state, String clientSalt, Kdf kdf, Instant lockedUntil) {
  static PinView of(Vault vault, boolean set) {
    Instant locked = vault.lockedUntil();
    return new PinView(
        set ? "SET" : "NOT_SET",
        Base64.getUrlEncoder().withoutPadding().encodeToString(vault.clientSalt()),
        Kdf.PIN,
        locked != null && locked.isAfter(Instant.now()) ? locked : null);
  }
}
