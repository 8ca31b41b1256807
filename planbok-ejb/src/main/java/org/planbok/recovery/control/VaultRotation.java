package org.planbok.recovery.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.control.JointKeys;
import org.planbok.recovery.entity.RecoveryMethod;

/**
 * The one step of a recovery that must be all or nothing on Node 1: a new vault key is drawn, every
 * share of the customer (current and staged) is re-sealed under it, the new PIN's wrapping is
 * written for it, the method used is re-wrapped when its secret is in hand (the answers) and every
 * other wrapping is removed (they wrap the old key). One transaction of its own, so that it is
 * durable before anything after it asks Node 2 for more, and never half done: the PIN wrapping's
 * lock is taken first, as every PIN operation does, so it runs after those in flight.
 */
@Stateless
public class VaultRotation {
  @Inject Wrappings wrappings;
  @Inject RecoveryAudit trail;
  @Inject JointKeys jointKeys;
  @Inject RecoveryProfiles profiles;

  /** The method used and, when it stays, its pepper and secret. */
  public record Kept(SecretPurpose purpose, byte[] pepper, ClientSecret secret) {
    @Override
    public String toString() {
      return "Kept[" + purpose + ", redacted]";
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void rotate(
      Subject subject,
      RecoveryMethod method,
      VaultKey current,
      byte[] pinPepper,
      ClientSecret newPin,
      Kept kept) {
    wrappings.lockPin(subject);
    boolean hadEmail = wrappings.find(subject, SecretPurpose.EMAIL).isPresent();
    try (VaultKey next = VaultKey.random()) {
      int keys = jointKeys.resealAll(subject, current, next);
      wrappings.install(subject, SecretPurpose.PIN, next, pinPepper, newPin);
      for (SecretPurpose other :
          new SecretPurpose[] {SecretPurpose.QUESTIONS, SecretPurpose.EMAIL}) {
        if (kept != null && kept.purpose() == other) {
          wrappings.install(subject, other, next, kept.pepper(), kept.secret());
        } else {
          wrappings.remove(subject, other);
        }
      }
      profiles.current(subject).orElseThrow().recovered(method, now(), hadEmail);
      profiles.emailRecoveryEnded(subject);
      trail.record(
          subject, "recovery.rotate", "DONE", "new vault key; " + keys + " key(s) re-sealed");
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
