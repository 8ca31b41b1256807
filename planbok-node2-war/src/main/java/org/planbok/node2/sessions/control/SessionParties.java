package org.planbok.node2.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.exports.control.ExportAuthorizations;
import org.planbok.node2.exports.control.ExportNotAuthorized;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.StoredShare;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.Tickets;
import org.planbok.node2.tickets.entity.Operation;

/**
 * Decides whether Node 2 takes part in a session and makes its party. Every session needs a ticket
 * Node 2 minted for exactly this subject, key, operation and bound digest ({@link #ticketDigest}),
 * used up here (DESIGN §6). Signing, refresh and export need a committed key of the requested curve
 * that belongs to the subject (another subject's key is answered as unknown, so ids cannot be
 * probed); a frozen key signs and exports nothing, but can be refreshed, which is how the freeze
 * ends (DESIGN §3). A frozen key is refused before its ticket is used.
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
    this.tickets = tickets;
    this.audit = audit;
    this.paillierKeys = paillierKeys;
    this.random = random;
  }

  public Node2Party partyFor(SessionRequest request) {
    if (request.operation() == Operation.KEYGEN) {
      redeemTicket(request);
      return switch (request.curve()) {
        case "secp256k1" -> new EcdsaKeyGeneration(request, keyShares, paillierKeys.take(), random);
        case "ed25519" -> new EddsaKeyGeneration(request, keyShares, random);
        default -> throw unsupportedCurve(request);
      };
    }
    try (StoredShare stored = ownedKey(request)) {
      if (stored.frozen() && request.operation() != Operation.REFRESH) {
        throw new SessionRefused(
            SessionRefused.Reason.KEY_FROZEN,
            "key " + request.keyId() + " is frozen until an audited refresh");
      }
      if (stored.frozen() && stored.freezeCount() > maxLiftedFreezes) {
        throw new SessionRefused(
            SessionRefused.Reason.KEY_FROZEN,
            "key "
                + request.keyId()
                + " was frozen "
                + stored.freezeCount()
                + " times and stays frozen for good");
      }
      if (request.operation() == Operation.SIGN) {
        // A signing party's opening is a commitment to a fresh nonce (or nothing, for EdDSA): it
        // tells nothing of the key, so it goes out first and the ticket's durable redemption
        // overlaps Node 1's round trip. Nothing Node 1 sends is read before the ticket is used up.
        return new RedeemedAfterOpening(signing(request, stored), () -> redeemTicket(request));
      }
      if (request.operation() == Operation.EXPORT) {
        authorizeExport(request);
      }
      redeemTicket(request);
      return switch (request.operation()) {
        case REFRESH -> refresh(request, stored);
        case EXPORT -> export(request, stored);
        default ->
            throw new SessionRefused(
                SessionRefused.Reason.PROTOCOL_VIOLATION,
                request.operation() + " is not a session");
      };
    }
  }

  /**
   * What a ticket for the request binds, computed here and nowhere else: for SIGN the 32-byte
   * digest itself (secp256k1) or SHA-256 of the message, which may be long (ed25519); for EXPORT
   * SHA-256 of the device key; for KEYGEN and REFRESH nothing.
   */
  public static byte[] ticketDigest(Operation operation, String curve, byte[] message) {
    return switch (operation) {
      case SIGN -> curve.equals("secp256k1") ? message.clone() : sha256(message);
      case EXPORT -> sha256(message);
      default -> new byte[0];
    };
  }

  static byte[] ticketDigest(SessionRequest request) {
    return ticketDigest(request.operation(), request.curve(), request.message());
  }

  private Node2Party signing(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case "secp256k1" ->
          new EcdsaSigning(request, EcdsaP1KeyShare.fromBytes(stored.share()), keyShares, random);
      case "ed25519" -> new EddsaSigning(request, EddsaKeyShare.fromBytes(stored.share()), random);
      default -> throw unsupportedCurve(request);
    };
  }

  private Node2Party refresh(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case "secp256k1" ->
          new EcdsaRefresh(
              request,
              EcdsaP1KeyShare.fromBytes(stored.share()),
              stored.generation(),
              keyShares,
              paillierKeys.take(),
              random);
      case "ed25519" ->
          new EddsaRefresh(
              request,
              EddsaKeyShare.fromBytes(stored.share()),
              stored.generation(),
              keyShares,
              random);
      default -> throw unsupportedCurve(request);
    };
  }

  /**
   * The masked release of the stored share (issue 12 item 5): Node 2's share never leaves in clear,
   * only masked and sealed to the device key.
   */
  private Node2Party export(SessionRequest request, StoredShare stored) {
    return switch (stored.curve()) {
      case "secp256k1" ->
          ShareExport.of(
              request,
              ExportCurve.SECP256K1,
              EcdsaKeyExport.maskedRelease(
                  EcdsaP1KeyShare.fromBytes(stored.share()), request.sid(), random),
              audit);
      case "ed25519" -> {
        EddsaKeyShare share = EddsaKeyShare.fromBytes(stored.share());
        try {
          yield ShareExport.of(
              request,
              ExportCurve.ED25519,
              EddsaKeyExport.maskedRelease(share, request.sid(), random),
              audit);
        } finally {
          share.destroy();
        }
      }
      default -> throw unsupportedCurve(request);
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
      throw new SessionRefused(SessionRefused.Reason.EXPORT_NOT_AUTHORIZED, e.getMessage());
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
                        SessionRefused.Reason.UNKNOWN_KEY, "no committed key " + request.keyId()));
    if (!stored.subject().equals(request.subject())) {
      stored.close();
      // Another subject's key: answer as if it did not exist, so ids cannot be probed.
      throw new SessionRefused(
          SessionRefused.Reason.UNKNOWN_KEY, "no committed key " + request.keyId());
    }
    if (!stored.curve().equals(request.curve())) {
      stored.close();
      throw new SessionRefused(
          SessionRefused.Reason.PROTOCOL_VIOLATION,
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
          ticketDigest(request));
    } catch (TicketRefused e) {
      throw new SessionRefused(
          SessionRefused.Reason.BAD_TICKET, "ticket refused: " + e.reason().name());
    }
  }

  private static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SessionRefused unsupportedCurve(SessionRequest request) {
    return new SessionRefused(
        SessionRefused.Reason.PROTOCOL_VIOLATION, "unsupported curve " + request.curve());
  }
}
