package org.planbok.keys.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaP2KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignature;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.node2.api.vocabulary.TicketDigest;
import org.planbok.node2client.SessionSpec;
import org.planbok.node2client.TicketWanted;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * Two-party signatures with a subject's key (DESIGN §4): the secret opens Node 1's share and buys
 * Node 2's SIGN ticket for exactly this digest, the session runs, and Node 1 verifies the result
 * before returning it. The caller says which child key signs (its path goes to Node 2, which
 * derives the tweak itself).
 */
@Stateless
public class Signatures {
  /** What Node 2 mints in one check at most (SecretOracle.MAX_TICKETS). */
  static final int MAX_TICKETS_PER_CHECK = 8;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Keys keys;
  @Inject Vaults vaults;
  @Inject Conductor conductor;
  @Inject PaillierMasks masks;
  @Inject WebhookEvents events;

  /**
   * SIGN tickets asked for in one secret check: never more than Node 2 allows ({@code
   * planbok.node2.tickets.max-sign-per-check}, default 4), so keep the two equal. More digests take
   * more checks of the same secret.
   */
  @Inject
  @ConfigProperty(name = "planbok.node1.tickets.max-sign-per-check", defaultValue = "4")
  int maxSignPerCheck = 4;

  /** secp256k1: signs the 32-byte digest with the child key {@code Q + tweak·G}. */
  public EcdsaSignature signDigest(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      byte[] digest,
      ChildKey child) {
    return signDigest(subject, keyId, purpose, secret, digest, child, null);
  }

  /** {@link #signDigest} with Node 1's policy decision for Node 2 (null: none applies). */
  public EcdsaSignature signDigest(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      byte[] digest,
      ChildKey child,
      PolicyStatement policy) {
    return signDigests(subject, keyId, purpose, secret, List.of(digest), child, policy).get(0);
  }

  /**
   * secp256k1: signs several digests with one child key, one session each (a PSBT's inputs). One
   * secret check buys the tickets of up to {@code planbok.node1.tickets.max-sign-per-check} digests
   * (Node 2 refuses a check that asks for more than its own bound); more take more checks of the
   * same (right) secret, which Node 2 does not count as failures.
   */
  public List<EcdsaSignature> signDigests(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      List<byte[]> digests,
      ChildKey child) {
    return signDigests(subject, keyId, purpose, secret, digests, child, null);
  }

  /** {@link #signDigests} with Node 1's policy decision for every ticket (null: none applies). */
  public List<EcdsaSignature> signDigests(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      List<byte[]> digests,
      ChildKey child,
      PolicyStatement policy) {
    JointKey key = keys.usable(subject, keyId, Curve.SECP256K1, false);
    List<EcdsaSignature> out = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    int perCheck = signTicketsPerCheck(maxSignPerCheck);
    for (int from = 0; from < digests.size(); from += perCheck) {
      List<byte[]> chunk = digests.subList(from, Math.min(digests.size(), from + perCheck));
      List<TicketWanted> tickets =
          chunk.stream()
              .map(
                  d ->
                      new TicketWanted(
                          keyId.toString(),
                          Operation.SIGN,
                          TicketDigest.of(Operation.SIGN, Curve.SECP256K1.contract(), d),
                          child.path(),
                          Optional.ofNullable(policy)))
              .toList();
      try (OpenVault vault = vaults.open(subject, purpose, secret, tickets)) {
        byte[] blob =
            vault.key().open(Keys.SHARE, Keys.shareId(keyId, key.generation()), key.sealedShare());
        try {
          EcdsaP2KeyShare share = EcdsaP2KeyShare.fromBytes(blob);
          for (int i = 0; i < chunk.size(); i++) {
            byte[] digest = chunk.get(i);
            SessionId sid = SessionId.random(RANDOM);
            sessions.add(sid.hex());
            SessionSpec spec =
                new SessionSpec(
                    sid,
                    Operation.SIGN,
                    Curve.SECP256K1,
                    keyId,
                    subject,
                    vault.ticket(i),
                    digest,
                    child.path());
            out.add(
                conductor.conduct(
                    key.organization(),
                    spec,
                    s ->
                        SigningRun.ecdsa(
                            s,
                            share,
                            sid,
                            keyId,
                            digest,
                            child.tweak(),
                            RANDOM,
                            () -> masks.take(share.paillierKey()))));
          }
        } finally {
          Arrays.fill(blob, (byte) 0);
        }
      }
    }
    signed(
        key,
        child,
        sessions,
        digests.stream().map(d -> java.util.HexFormat.of().formatHex(d)).toList());
    return out;
  }

  /** A PSBT may have hundreds of inputs; the event names the first so many (it has a size cap). */
  static final int EVENT_DIGESTS = 32;

  /**
   * The {@code signature.created} event, in the request's transaction: it is kept only when the
   * request that asked for the signature commits. Digests are public (what was signed), the
   * signature itself is in the response.
   */
  private void signed(JointKey key, ChildKey child, List<String> sessions, List<String> digests) {
    events.record(
        key.organization(),
        key.subject(),
        EventType.SIGNATURE_CREATED,
        EventData.of(key.subject())
            .with("keyId", key.id().toString())
            .with("curve", key.curve().label())
            .with("path", child.path().toString())
            .with("count", digests.size())
            .with("sessions", sessions.subList(0, Math.min(sessions.size(), EVENT_DIGESTS)))
            .with("digests", digests.subList(0, Math.min(digests.size(), EVENT_DIGESTS))));
  }

  /** ed25519: signs {@code message} (RFC 8032 PureEdDSA) with the child key {@code A + tweak·B}. */
  public EddsaSignature signMessage(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      byte[] message,
      ChildKey child) {
    return signMessage(subject, keyId, purpose, secret, message, child, null);
  }

  /** {@link #signMessage} with Node 1's policy decision for Node 2 (null: none applies). */
  public EddsaSignature signMessage(
      Subject subject,
      KeyId keyId,
      SecretPurpose purpose,
      ClientSecret secret,
      byte[] message,
      ChildKey child,
      PolicyStatement policy) {
    JointKey key = keys.usable(subject, keyId, Curve.ED25519, false);
    TicketWanted ticket =
        new TicketWanted(
            keyId.toString(),
            Operation.SIGN,
            TicketDigest.of(Operation.SIGN, Curve.ED25519.contract(), message),
            child.path(),
            Optional.ofNullable(policy));
    try (OpenVault vault = vaults.open(subject, purpose, secret, List.of(ticket))) {
      byte[] blob =
          vault.key().open(Keys.SHARE, Keys.shareId(keyId, key.generation()), key.sealedShare());
      EddsaKeyShare share = EddsaKeyShare.fromBytes(blob);
      Arrays.fill(blob, (byte) 0);
      try {
        SessionId sid = SessionId.random(RANDOM);
        SessionSpec spec =
            new SessionSpec(
                sid,
                Operation.SIGN,
                Curve.ED25519,
                keyId,
                subject,
                vault.ticket(0),
                message,
                child.path());
        EddsaSignature signature =
            conductor.conduct(
                key.organization(),
                spec,
                s -> SigningRun.eddsa(s, share, sid, message, child.tweak(), RANDOM));
        signed(
            key,
            child,
            List.of(sid.hex()),
            List.of(java.util.HexFormat.of().formatHex(sha256(message))));
        return signature;
      } finally {
        share.destroy();
      }
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The configured bound, within what one check can mint at all. */
  static int signTicketsPerCheck(int configured) {
    if (configured < 1 || configured > MAX_TICKETS_PER_CHECK) {
      throw new IllegalStateException(
          "planbok.node1.tickets.max-sign-per-check must be 1 to " + MAX_TICKETS_PER_CHECK);
    }
    return configured;
  }
}
