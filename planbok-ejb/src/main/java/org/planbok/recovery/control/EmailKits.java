package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.mail.Mailer;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.Ticket;

/**
 * Issues a recovery kit (DESIGN §5, email): Node 1 draws {@code R_mail}, 32 random bytes; Node 2
 * enrolls it as the EMAIL secret (keeping only a verifier, and answering {@code pepper =
 * HMAC(k_pepper, "kek" ‖ subject ‖ "email" ‖ R_mail)}, which plays {@code R_node2}'s part); the
 * vault key is wrapped under {@code HKDF(pepper ‖ R_mail)}; {@code R_mail} is mailed to the
 * customer as 43 characters of base64url, and forgotten. Opening the wrapping needs the kit and
 * Node 2, and Node 2 answers only after the waiting period of a recovery.
 *
 * <p>The wrapping is written only once the mail server took the kit: a kit nobody received must not
 * become the method. Node 2 has then already replaced the previous kit, which no longer works.
 */
@Stateless
public class EmailKits {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Node2Secrets node2;
  @Inject Wrappings wrappings;
  @Inject Mailer mailer;

  /**
   * Issues a kit for the vault key with an ENROLL ticket for "email"; throws {@code
   * MailUnavailable} when the kit could not be mailed (then nothing is written on Node 1).
   */
  public void issue(
      Subject subject, VaultKey vaultKey, Ticket enrollEmail, RecoveryProfiles.Recipient to) {
    byte[] kit = new byte[ClientSecret.LENGTH];
    RANDOM.nextBytes(kit);
    byte[] pepper = null;
    try (ClientSecret secret = ClientSecret.of(kit)) {
      pepper = node2.enroll(subject, SecretPurpose.EMAIL, kit, enrollEmail);
      mailer.send(
          RecoveryMails.kit(
              to.address(),
              to.organizationName(),
              Base64.getUrlEncoder().withoutPadding().encodeToString(kit)));
      wrappings.install(subject, SecretPurpose.EMAIL, vaultKey, pepper, secret);
    } finally {
      Arrays.fill(kit, (byte) 0);
      if (pepper != null) {
        Arrays.fill(pepper, (byte) 0);
      }
    }
  }
}
