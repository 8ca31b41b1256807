package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.VaultKey;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.keys.entity.KeyState;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.Node2Sessions;
import org.planbok.node2client.SessionSpec;
import org.planbok.node2client.StagedState;
import org.planbok.node2client.Ticket;
import org.planbok.node2client.TicketWanted;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * A subject's joint keys: generating them with Node 2 (one per curve) and finding them. A key
 * generation is two-phase (DESIGN §6): Node 1 stores its sealed half as pending, asks Node 2 to
 * commit, and activates the key only on Node 2's answer; whatever a crash leaves undecided is
 * settled by asking Node 2 again ({@link Settlement}).
 */
@Stateless
public class Keys {
  private static final Logger LOG = Logger.getLogger(Keys.class.getName());
  static final String SHARE = "share";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Vaults vaults;
  @Inject JointKeys jointKeys;
  @Inject Settlement settlement;
  @Inject Conductor conductor;
  @Inject Node2Sessions node2;
  @Inject AuditLog audit;
  @Inject PaillierMasks masks;
  @Inject ChainCodes chainCodes;

  /**
   * Runs a key generation with Node 2 for each curve, authorised by the subject's secret (one check
   * buys one KEYGEN ticket per curve). A curve that already has a key is refused before the secret
   * is checked.
   */
  public List<JointKey> generate(
      OrganizationId organization,
      Subject subject,
      SecretPurpose purpose,
      ClientSecret secret,
      List<Curve> curves) {
    for (Curve curve : curves) {
      Optional<JointKey> existing = jointKeys.of(subject, curve);
      if (existing.isPresent()) {
        boolean active = settled(existing).isPresent();
        if (active || jointKeys.find(existing.get().id()).isPresent()) {
          throw new Refused(
              Refusal.KEY_EXISTS,
              active
                  ? "There is already a " + curve.label() + " key: " + existing.get().id() + "."
                  : "A " + curve.label() + " key generation awaits Node 2's decision; retry soon.",
              "curves",
              Map.of("keyId", existing.get().id().toString()));
        }
      }
    }
    List<KeyId> ids = curves.stream().map(c -> KeyId.random()).toList();
    List<TicketWanted> tickets =
        ids.stream().map(id -> TicketWanted.of(id.toString(), Operation.KEYGEN)).toList();
    List<JointKey> made = new ArrayList<>();
    try (OpenVault vault = vaults.open(subject, purpose, secret, tickets)) {
      for (int i = 0; i < curves.size(); i++) {
        made.add(
            generateOne(
                organization, subject, curves.get(i), ids.get(i), vault.key(), vault.ticket(i)));
      }
    }
    // Last, after every step that ran in a transaction of its own (see AuditLog).
    for (JointKey key : made) {
      audit.append(
          organization,
          "key.generate",
          "key:" + key.id(),
          "OK",
          key.curve().label() + " for " + subject.value());
    }
    return made;
  }

  private JointKey generateOne(
      OrganizationId organization,
      Subject subject,
      Curve curve,
      KeyId keyId,
      VaultKey vaultKey,
      Ticket ticket) {
    SessionId sid = SessionId.random(RANDOM);
    SessionSpec spec =
        new SessionSpec(sid, Operation.KEYGEN, curve, keyId, subject, ticket, null, null);
    GeneratedShare share;
    try {
      share =
          conductor.conduct(
              organization, spec, s -> KeyGenerationRun.run(s, curve, sid, keyId, RANDOM));
    } catch (RuntimeException e) {
      abandonQuietly(keyId, sid);
      throw e;
    }
    if (curve == Curve.SECP256K1) {
      // Masks for the key's first signatures, made while the key is being committed.
      masks.prepare(EcdsaP2KeyShare.fromBytes(share.blob()).paillierKey());
    }
    try {
      byte[] sealed = vaultKey.seal(SHARE, shareId(keyId, sid.hex()), share.blob());
      jointKeys.stage(
          new JointKey(
              keyId,
              organization,
              subject,
              curve,
              share.publicKey(),
              chainCodes.seal(keyId, share.chainCode()),
              sealed,
              sid.hex(),
              Instant.now().truncatedTo(ChronoUnit.MICROS)));
    } catch (RuntimeException e) {
      abandonQuietly(keyId, sid);
      throw e;
    } finally {
      share.destroy();
    }
    // Node 1's half is durable now; if Node 2 is unreachable from here on, the key stays pending
    // and KeyReconciliation settles it once Node 2 answers.
    if (node2.finalize(keyId, sid, true) != StagedState.COMMITTED) {
      jointKeys.forgetPending(keyId);
      throw new Refused(
          Refusal.PEER_MISBEHAVED,
          "Node 2 abandoned the new key before it was committed; nothing was kept.");
    }
    jointKeys.activate(keyId);
    LOG.info(() -> "key " + keyId + " (" + curve.label() + ") of " + subject + " is active");
    return jointKeys.find(keyId).orElseThrow();
  }

  /** The subject's key; another subject's key, or a key still being made, is not found. */
  public JointKey get(Subject subject, KeyId id) {
    return jointKeys
        .find(id)
        .filter(k -> k.belongsTo(subject))
        .flatMap(k -> settled(Optional.of(k)))
        .orElseThrow(() -> new Refused(Refusal.NOT_FOUND, "No key " + id + "."));
  }

  /**
   * The subject's key of {@code curve}, ready for a session: not frozen (unless {@code frozenToo}),
   * and with no refresh awaiting Node 2's decision (the two nodes could otherwise hold shares of
   * different generations).
   */
  public JointKey usable(Subject subject, KeyId id, Curve curve, boolean frozenToo) {
    JointKey key = get(subject, id);
    if (key.curve() != curve) {
      throw Refused.invalid(
          "keyId",
          "Key " + id + " is a " + key.curve().label() + " key, not " + curve.label() + ".");
    }
    if (key.frozen() && !frozenToo) {
      throw Conductor.frozen(key);
    }
    if (key.pendingGeneration() != null) {
      throw new org.planbok.node2client.Node2Unavailable(
          org.planbok.node2client.Node2Unavailable.Reason.UNREACHABLE,
          "a refresh of key " + id + " awaits Node 2's decision",
          null);
    }
    return key;
  }

  /** The subject's key on {@code curve}, if it has one. */
  public Optional<JointKey> of(Subject subject, Curve curve) {
    return settled(jointKeys.of(subject, curve));
  }

  public List<JointKey> of(Subject subject) {
    return jointKeys.of(subject).stream().flatMap(k -> settled(Optional.of(k)).stream()).toList();
  }

  /**
   * The key as Node 2 decided it: a pending generation or refresh is settled first when Node 2
   * answers; a key still pending afterwards is not usable and is left out.
   */
  private Optional<JointKey> settled(Optional<JointKey> key) {
    if (key.isEmpty()) {
      return key;
    }
    JointKey found = key.get();
    if (found.state() == KeyState.PENDING || found.pendingGeneration() != null) {
      try {
        settlement.settle(found);
      } catch (RuntimeException e) {
        LOG.fine(() -> "key " + found.id() + " stays unsettled: " + e.getMessage());
      }
      return jointKeys.find(found.id()).filter(k -> k.state() == KeyState.ACTIVE);
    }
    return key.filter(k -> k.state() == KeyState.ACTIVE);
  }

  private void abandonQuietly(KeyId keyId, SessionId sid) {
    try {
      node2.finalize(keyId, sid, false);
    } catch (RuntimeException e) {
      // Node 2's housekeeping deletes staged halves nobody finalizes.
      LOG.fine(() -> "could not abandon key " + keyId + " at Node 2: " + e.getMessage());
    }
  }

  static String shareId(KeyId keyId, String generation) {
    return keyId + "/" + generation;
  }
}
