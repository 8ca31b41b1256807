package org.planbok.recovery.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.SecretRefusals;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.control.Wrappings;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Secrets;
import org.planbok.node2client.TicketWanted;

/**
 * What removing any recovery method takes, in the caller's transaction: the subject's recovery
 * profile locked, the method set up, the PIN (which buys the ENROLL ticket Node 2 wants before it
 * forgets the method's secret), then Node 1's wrapping under it removed.
 */
@Dependent
class RecoveryMethodRemoval {
  @Inject RecoveryProfiles profiles;
  @Inject Wrappings wrappings;
  @Inject Vaults vaults;
  @Inject Node2Secrets node2;

  void remove(Subject subject, SecretPurpose method, ClientSecret pin) {
    profiles.lock(subject);
    if (wrappings.find(subject, method).isEmpty()) {
      throw SecretRefusals.notSet(method);
    }
    List<TicketWanted> ticket = List.of(TicketWanted.of(method.label(), Operation.ENROLL));
    try (OpenVault vault = vaults.open(subject, SecretPurpose.PIN, pin, ticket)) {
      node2.remove(subject, method, vault.ticket(0));
    }
    wrappings.remove(subject, method);
  }
}
