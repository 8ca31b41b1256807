package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Sessions;
import org.planbok.node2client.SessionSpec;
import org.planbok.node2client.StagedState;
import org.planbok.node2client.Ticket;
import org.planbok.node2client.TicketWanted;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Share refresh on demand (DESIGN §4): both shares change, the public key and every address stay.
 * Two-phase like a key generation: Node 1 stores the new generation beside the current one, asks
 * Node 2 to commit, and switches only on Node 2's answer. The audited way to lift a freeze (DESIGN
 * §3): a refresh of a frozen key is allowed, and the commit unfreezes it on both nodes.
 */
@Stateless
public class Refreshes {
  private static final Logger LOG = Logger.getLogger(Refreshes.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Keys keys;
  @Inject Vaults vaults;
  @Inject JointKeys jointKeys;
  @Inject Conductor conductor;
  @Inject Node2Sessions node2;
  @Inject AuditLog audit;

  public JointKey refresh(
      Subject subject, KeyId keyId, SecretPurpose purpose, ClientSecret secret) {
    JointKey key = keys.get(subject, keyId);
    keys.usable(subject, keyId, key.curve(), true);
    TicketWanted ticket = TicketWanted.of(keyId.toString(), Operation.REFRESH);
    try (OpenVault vault = vaults.open(subject, purpose, secret, List.of(ticket))) {
      return refreshWith(subject, key, vault.key(), vault.ticket(0));
    }
  }

  /**
   * Refreshes {@code key} with a REFRESH ticket for it and the vault key its share is sealed under
   * (a recovery has both from the new PIN's check); the new generation is sealed under the same
   * vault key.
   */
  public JointKey refreshWith(Subject subject, JointKey key, VaultKey vaultKey, Ticket ticket) {
    KeyId keyId = key.id();
    SessionId sid = SessionId.random(RANDOM);
    byte[] blob =
        vaultKey.open(Keys.SHARE, Keys.shareId(keyId, key.generation()), key.sealedShare());
    GeneratedShare next;
    try {
      SessionSpec spec =
          new SessionSpec(sid, Operation.REFRESH, key.curve(), keyId, subject, ticket, null, null);
      next = conductor.conduct(key.organization(), spec, s -> run(s, key, blob, sid));
    } finally {
      Arrays.fill(blob, (byte) 0);
    }
    try {
      jointKeys.stageGeneration(
          keyId, vaultKey.seal(Keys.SHARE, Keys.shareId(keyId, sid.hex()), next.blob()), sid.hex());
    } finally {
      next.destroy();
    }
    // The new generation is durable beside the old one; if Node 2 is unreachable from here on,
    // KeyReconciliation settles it once Node 2 answers, and until then the key does not sign.
    StagedState state = node2.finalize(keyId, sid, true);
    jointKeys.settleGeneration(keyId, sid.hex(), state == StagedState.COMMITTED);
    if (state != StagedState.COMMITTED) {
      throw new Refused(
          Refusal.PEER_MISBEHAVED,
          "Node 2 abandoned the refresh; the key keeps its current shares.");
    }
    audit.append(
        key.organization(),
        "key.refresh",
        "key:" + keyId,
        "OK",
        (key.frozen() ? "lifted a freeze; " : "")
            + "session "
            + sid.hex()
            + " for "
            + subject.value());
    LOG.info(() -> "refreshed key " + keyId + " of " + subject + " (session " + sid.hex() + ")");
    return jointKeys.find(keyId).orElseThrow();
  }

  private static GeneratedShare run(
      org.planbok.node2client.Node2Session s, JointKey key, byte[] blob, SessionId sid) {
    return switch (key.curve()) {
      case SECP256K1 -> RefreshRun.ecdsa(s, EcdsaP2KeyShare.fromBytes(blob), sid, key.id(), RANDOM);
      case ED25519 -> {
        EddsaKeyShare share = EddsaKeyShare.fromBytes(blob);
        try {
          yield RefreshRun.eddsa(s, share, sid, RANDOM);
        } finally {
          share.destroy();
        }
      }
    };
  }
}
