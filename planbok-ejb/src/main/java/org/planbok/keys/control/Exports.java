package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.TicketDigest;
import org.planbok.node2client.Node2Session;
import org.planbok.node2client.SessionSpec;
import org.planbok.node2client.TicketWanted;

/**
 * Export of a child key to the customer's device (DESIGN §4 Export; issue 12 items 4 and 5): the
 * secret opens Node 1's share and buys Node 2's EXPORT ticket bound to the device's public key; the
 * session carries the device's own authorization (customers) for Node 2 to check; Node 2 sends a
 * fresh mask and its part sealed to the device; Node 1 computes its part, hands both to {@code
 * seal} (which seals Node 1's to the device) and zeroes its own. No node holds the key. The export
 * is recorded on the key.
 */
@Stateless
public class Exports {
  private static final Logger LOG = Logger.getLogger(Exports.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Keys keys;
  @Inject Vaults vaults;
  @Inject JointKeys jointKeys;
  @Inject Conductor conductor;

  public <T> T export(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      byte[] devicePublicKey,
      ChildKey child,
      SessionSpec.ExportTerms terms,
      Function<ExportParts, T> seal) {
    JointKey key = keys.get(subject, keyId);
    keys.usable(subject, keyId, key.curve(), false);
    TicketWanted ticket =
        new TicketWanted(
            keyId.toString(),
            Operation.EXPORT,
            TicketDigest.of(Operation.EXPORT, key.curve().contract(), devicePublicKey),
            child.path());
    ExportParts parts;
    try (OpenVault vault = vaults.open(subject, purpose, secret, List.of(ticket))) {
      byte[] blob =
          vault.key().open(Keys.SHARE, Keys.shareId(keyId, key.generation()), key.sealedShare());
      try {
        SessionId sid = SessionId.random(RANDOM);
        SessionSpec spec =
            new SessionSpec(
                sid,
                Operation.EXPORT,
                key.curve(),
                keyId,
                subject,
                vault.ticket(0),
                devicePublicKey,
                child.path(),
                terms);
        parts = conductor.conduct(key.organization(), spec, s -> run(s, key, blob, sid, child));
      } finally {
        Arrays.fill(blob, (byte) 0);
      }
    }
    try {
      T sealed = seal.apply(parts);
      jointKeys.exported(keyId);
      LOG.info(() -> "exported a child of key " + keyId + " of " + subject + " to a device key");
      return sealed;
    } finally {
      parts.destroy();
    }
  }

  private static ExportParts run(
      Node2Session s, JointKey key, byte[] blob, SessionId sid, ChildKey child) {
    if (key.curve() == Curve.SECP256K1) {
      return ExportRun.ecdsa(
          s, EcdsaP2KeyShare.fromBytes(blob), sid, child.tweak(), child.publicKey());
    }
    EddsaKeyShare share = EddsaKeyShare.fromBytes(blob);
    try {
      return ExportRun.eddsa(s, share, sid, child.tweak(), child.publicKey());
    } finally {
      share.destroy();
    }
  }
}
