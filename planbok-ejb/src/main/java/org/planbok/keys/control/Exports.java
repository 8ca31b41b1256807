package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.ExportedKey;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2client.Operation;
import org.planbok.node2client.SessionSpec;
import org.planbok.node2client.TicketWanted;

/**
 * Export of a child key to the customer's device (DESIGN §4 Export): the secret opens Node 1's
 * share and buys Node 2's EXPORT ticket bound to the device's public key; Node 2 releases its
 * share; Node 1 reconstructs the child key, checks it against the child public key, hands it to
 * {@code seal} (which seals it to the device) and zeroes it. The export is recorded on the key.
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
      Function<ExportedSecret, T> seal,
      String secretField) {
    JointKey key = keys.get(subject, keyId);
    keys.usable(subject, keyId, key.curve(), false);
    TicketWanted ticket =
        new TicketWanted(keyId.toString(), Operation.EXPORT, Signatures.sha256(devicePublicKey));
    ExportedSecret exported;
    try (OpenVault vault = vaults.open(subject, purpose, secret, List.of(ticket), secretField)) {
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
                child.path());
        exported =
            conductor.conduct(key.organization(), spec, s -> run(s, key, blob, sid, child.tweak()));
      } finally {
        Arrays.fill(blob, (byte) 0);
      }
    }
    try {
      T sealed = seal.apply(exported);
      jointKeys.exported(keyId);
      LOG.info(() -> "exported a child of key " + keyId + " of " + subject + " to a device key");
      return sealed;
    } finally {
      exported.destroy();
    }
  }

  private static ExportedSecret run(
      org.planbok.node2client.Node2Session s,
      JointKey key,
      byte[] blob,
      SessionId sid,
      BigInteger tweak) {
    if (key.curve() == Curve.SECP256K1) {
      EcdsaP2KeyShare share = EcdsaP2KeyShare.fromBytes(blob);
      Secp256k1 g = Secp256k1.INSTANCE;
      ECPoint child = g.add(share.publicKey(), g.multiplyGenerator(tweak)).normalize();
      ExportedKey key32 = ExportRun.ecdsa(s, share, sid, tweak, child);
      try {
        return new ExportedSecret(Curve.SECP256K1, key32.bytes(), g.encode(child));
      } finally {
        key32.destroy();
      }
    }
    EddsaKeyShare share = EddsaKeyShare.fromBytes(blob);
    try {
      EddsaKeyExport export = ExportRun.eddsa(s, share, sid, tweak);
      try {
        return new ExportedSecret(Curve.ED25519, export.expandedSecretKey(), export.publicKey());
      } finally {
        export.destroy();
      }
    } finally {
      share.destroy();
    }
  }
}
