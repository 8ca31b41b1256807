package org.planbok.node2.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.api.vocabulary.TicketDigest;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.exports.control.ExportAuthorizations;
import org.planbok.node2.exports.control.ExportNotAuthorized;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.keys.control.StoredShare;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.Tickets;

/**
 * Decides whether Node 2 takes part in a session and makes its party. Every session needs a ticket
 * Node 2 minted for exactly this subject, key, operation and bound digest ({@link #ticketDigest}),
 * used up here (DESIGN §6). Signing, refresh and export need a committed key of the requested curve
 * that belongs to the subject (another subject's key is answered as unknown, so ids cannot be
 * probed); a frozen key signs and exports nothing, but can be refreshed, which is how the freeze
 * ends (DESIGN §3). A frozen key is refused before its ticket is used. A signing session is also
 * counted on its key before its ticket is used ({@link SigningSessions#open}: a reused session id,
 * a freeze, or the cap of open sessions refuses it), and an ECDSA session reads the freeze again
 * before it decrypts ({@link SigningSessions#beforeDecrypt}).
 *
 * <p>A refresh lifts a freeze only {@code planbok.node2.keys.max-lifted-freezes} times (default 1)
 * in a key's life. The REFRESH ticket comes from an ordinary secret check, so a compromised Node 1
 * that sees the customer's secret could otherwise loop: probe with a crafted signature (one bit of
 * the key leaks, the key freezes), refresh (it knows its own new share), probe again. After the
 * limit the key stays frozen for good; its owner moves funds with an export or a new key.
 */
@ApplicationScoped
public class SessionParties {
  private KeyShares keyShares;
  private SigningSessions signingSessions;
  private Tickets tickets;
  private AuditLog audit;
  private PaillierKeyPool paillierKeys;
  private SecureRandom random;
  private int maxLiftedFreezes;
  private ExportAuthorizations exportAuthorizations;

  SessionParties() {
    // for the CDI proxy
  }

  @Inject
  public SessionParties(
      KeyShares keyShares,
      SigningSessions signingSessions,
      Tickets tickets,
      AuditLog audit,
      PaillierKeyPool paillierKeys,
      SecureRandom random,
      @ConfigProperty(name = "planbok.node2.keys.max-lifted-freezes", defaultValue = "1")
          int maxLiftedFreezes,
      ExportAuthorizations exportAuthorizations) {
    this.maxLiftedFreezes = maxLiftedFreezes;
    this.exportAuthorizations = exportAuthorizations;
    this.keyShares = keyShares;
    this.signingSessions = signingSessions;
    this.tickets = tickets;
    this.audit = audit;
    this.paillierKeys = paillierKeys;
    this.random = random;
  }

  public Node2Party partyFor(SessionRequest request) {
    if (request.operation() == Operation.KEYGEN) {
      redeemTicket(request);
      return switch (request.curve()) {
        case SECP256K1 -> new EcdsaKeyGeneration(request, keyShares, paillierKeys.take(), random);
        case ED25519 -> new EddsaKeyGeneration(request, keyShares, random);
      };
    }
    try (StoredShare stored = ownedKey(request)) {
      if (stored.frozen() && request.operation() != Operation.REFRESH) {
        throw new SessionRefused(
            RefusalReason.KEY_FROZEN,
            "key " + request.keyId() + " is frozen until an audited refresh");
      }
      if (stored.frozen() && stored.freezeCount() > maxLiftedFreezes) {
        throw new SessionRefused(
            RefusalReason.KEY_FROZEN,
            "key "
                + request.keyId()
                + " was frozen "
                + stored.freezeCount()
                + " times and stays frozen for good");
      }
      if (request.operation() == Operation.SIGN) {
        // A signing party's opening is a commitment to a fresh nonce (or nothing, for EdDSA): it
        // tells nothing of the key, so it goes out first and the ticket's durable redemption
        // overlaps Node 1's round trip. Nothing Node 1 sends is read before the ticket is used up,
        // and before that the session is counted on the key (SigningSessions#open): the freeze read
        // above is only a first look, taken again under the key's lock there and before decrypting.
        return new RedeemedAfterOpening(signing(request, stored), () -> redeemTicket(request));
      }
      if (request.operation() == Operation.EXPORT) {
        // Node 1 adds the child's tweak to its own half; Node 2 checks the path (and audits it).
        checkPath(request, stored);
        authorizeExport(request);
      }
      redeemTicket(request);
      return switch (request.operation()) {
        case REFRESH -> refresh(request, stored);
        case EXPORT -> export(request, stored);
        default ->
            throw new SessionRefused(
                RefusalReason.PROTOCOL_VIOLATION, request.operation() + " is not a session");
      };
    }
  }

  /**
   * What a ticket for the request binds, computed here and nowhere else: for SIGN the 32-byte
   * digest itself (secp256k1) or SHA-256 of the message, which may be long (ed25519); for EXPORT
   * SHA-256 of the device key; for KEYGEN and REFRESH nothing.
   */
  static byte[] ticketDigest(SessionRequest request) {
    return TicketDigest.of(request.operation(), request.curve(), request.message());
  }

  private Node2Party signing(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case SECP256K1 -> {
        EcdsaP1KeyShare share = EcdsaP1KeyShare.fromBytes(stored.share());
        yield new EcdsaSigning(request, share, tweakOf(request, share), signingSessions, random);
      }
      case ED25519 -> {
        EddsaKeyShare share = EddsaKeyShare.fromBytes(stored.share());
        try {
          yield new EddsaSigning(request, share, tweakOf(request, share), signingSessions, random);
        } catch (RuntimeException e) {
          share.destroy();
          throw e;
        }
      }
    };
  }

  /**
   * The tweak of the request's path below Node 2's own view of the key (DESIGN §4, §6: Node 2
   * computes the tweak itself): BIP32 CKDpub from the joint key and chain code. A tweak Node 1 sent
   * must be this one.
   */
  static BigInteger tweakOf(SessionRequest request, EcdsaP1KeyShare share) {
    return checked(
        request, Bip32.derive(share.publicKey(), share.chainCode(), request.path()).tweak());
  }

  /** ed25519: Planbok's one-level additive derivation {@code t_i} from A and the chain code. */
  static BigInteger tweakOf(SessionRequest request, EddsaKeyShare share) {
    List<Integer> indices = request.path().indices();
    BigInteger tweak =
        indices.isEmpty()
            ? BigInteger.ZERO
            : new Ed25519Derivation(share.publicKey(), share.chainCode()).tweak(indices.get(0));
    return checked(request, tweak);
  }

  private static void checkPath(SessionRequest request, StoredShare stored) {
    switch (stored.curve()) {
      case SECP256K1 -> tweakOf(request, EcdsaP1KeyShare.fromBytes(stored.share()));
      case ED25519 -> {
        EddsaKeyShare share = EddsaKeyShare.fromBytes(stored.share());
        try {
          tweakOf(request, share);
        } finally {
          share.destroy();
        }
      }
    }
  }

  private static BigInteger checked(SessionRequest request, BigInteger tweak) {
    if (request.claimedTweak() != null && !request.claimedTweak().equals(tweak)) {
      throw new SessionRefused(
          RefusalReason.PROTOCOL_VIOLATION,
          "the tweak Node 1 sent is not the tweak of path " + request.path());
    }
    return tweak;
  }

  private Node2Party refresh(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case SECP256K1 ->
          new EcdsaRefresh(
              request,
              EcdsaP1KeyShare.fromBytes(stored.share()),
              stored.generation(),
              keyShares,
              paillierKeys.take(),
              random);
      case ED25519 ->
          new EddsaRefresh(
              request,
              EddsaKeyShare.fromBytes(stored.share()),
              stored.generation(),
              keyShares,
              random);
    };
  }

  /**
   * The masked release of the stored share (issue 12 item 5): Node 2's share never leaves in clear,
   * only masked and sealed to the device key.
   */
  private Node2Party export(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case SECP256K1 ->
          ShareExport.of(
              request,
              ExportCurve.SECP256K1,
              EcdsaKeyExport.maskedRelease(
                  EcdsaP1KeyShare.fromBytes(stored.share()), request.sid(), random),
              audit);
      case ED25519 -> {
        EddsaKeyShare share = EddsaKeyShare.fromBytes(stored.share());
        try {
          // A seed key exported at its root releases its seed too (issue 13); a child key has none.
          boolean seed = share.hasSeedShare() && request.path().indices().isEmpty();
          yield ShareExport.of(
              request,
              ExportCurve.ED25519,
              seed
                  ? EddsaKeyExport.maskedSeedRelease(share, request.sid(), random)
                  : EddsaKeyExport.maskedRelease(share, request.sid(), random),
              audit);
        } finally {
          share.destroy();
        }
      }
    };
  }

  /**
   * The customer's device must have authorized this export (issue 12 item 4), checked before the
   * ticket is used; the challenge is spent by any attempt, so a refused one cannot be replayed.
   */
  private void authorizeExport(SessionRequest request) {
    try {
      exportAuthorizations.authorize(
          request.subject(),
          request.keyId(),
          request.message(),
          request.export().path(),
          request.export().authorization(),
          request.export().challenge());
    } catch (ExportNotAuthorized e) {
      throw new SessionRefused(RefusalReason.EXPORT_NOT_AUTHORIZED, e.getMessage());
    }
  }

  /** The committed key of the request's subject and curve, unsealed; the caller closes it. */
  private StoredShare ownedKey(SessionRequest request) {
    StoredShare stored =
        keyShares
            .committed(request.keyId())
            .orElseThrow(
                () ->
                    new SessionRefused(
                        RefusalReason.UNKNOWN_KEY, "no committed key " + request.keyId()));
    if (!stored.subject().equals(request.subject())) {
      stored.close();
      // Another subject's key: answer as if it did not exist, so ids cannot be probed.
      throw new SessionRefused(RefusalReason.UNKNOWN_KEY, "no committed key " + request.keyId());
    }
    if (!stored.curve().equals(request.curve())) {
      stored.close();
      throw new SessionRefused(
          RefusalReason.PROTOCOL_VIOLATION,
          "key " + request.keyId() + " is a " + stored.curve() + " key");
    }
    return stored;
  }

  private void redeemTicket(SessionRequest request) {
    try {
      tickets.redeem(
          request.ticket(),
          request.subject(),
          request.keyId(),
          request.operation(),
          ticketDigest(request),
          request.path());
    } catch (TicketRefused e) {
      throw new SessionRefused(RefusalReason.BAD_TICKET, "ticket refused: " + e.reason().name());
    }
  }

  /**
   * Goes on if the key admitted the signing session, else refuses it with the contract's reason.
   */
  static void admit(SigningSessions.Admission admission, KeyId keyId) {
    switch (admission) {
      case ADMITTED -> {}
      case FROZEN ->
          throw new SessionRefused(
              RefusalReason.KEY_FROZEN, "key " + keyId + " is frozen until an audited refresh");
      case BUSY ->
          throw new SessionRefused(
              RefusalReason.BUSY,
              "key " + keyId + " has its cap of open signing sessions; try again");
      case REUSED_SESSION ->
          throw new SessionRefused(
              RefusalReason.PROTOCOL_VIOLATION, "this session id was used before");
      case EXPIRED ->
          throw new SessionRefused(RefusalReason.TIMEOUT, "the signing session ran out of time");
    }
  }
}
