package org.planbok.node2.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.StoredShare;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.Tickets;
import org.planbok.node2.tickets.entity.Operation;

/**
 * Decides whether Node 2 takes part in a session and makes its party: key generation needs no
 * ticket; signing needs a committed, unfrozen key of the requested curve and a ticket Node 2 minted
 * for exactly this subject, key, operation and message, which is used up here.
 */
@ApplicationScoped
public class SessionParties {
  private KeyShares keyShares;
  private Tickets tickets;
  private PaillierKeyPool paillierKeys;
  private SecureRandom random;

  SessionParties() {
    // for the CDI proxy
  }

  @Inject
  public SessionParties(
      KeyShares keyShares, Tickets tickets, PaillierKeyPool paillierKeys, SecureRandom random) {
    this.keyShares = keyShares;
    this.tickets = tickets;
    this.paillierKeys = paillierKeys;
    this.random = random;
  }

  public Node2Party partyFor(SessionRequest request) {
    return switch (request.operation()) {
      case KEYGEN -> keyGeneration(request);
      case SIGN -> signing(request);
      default ->
          throw new SessionRefused(
              SessionRefused.Reason.PROTOCOL_VIOLATION,
              request.operation() + " sessions are not offered by this Node 2 yet");
    };
  }

  private Node2Party keyGeneration(SessionRequest request) {
    return switch (request.curve()) {
      case "secp256k1" -> new EcdsaKeyGeneration(request, keyShares, paillierKeys.take(), random);
      case "ed25519" -> new EddsaKeyGeneration(request, keyShares, random);
      default -> throw unsupportedCurve(request);
    };
  }

  private Node2Party signing(SessionRequest request) {
    try (StoredShare stored =
        keyShares
            .committed(request.keyId())
            .orElseThrow(
                () ->
                    new SessionRefused(
                        SessionRefused.Reason.UNKNOWN_KEY,
                        "no committed key " + request.keyId()))) {
      if (!stored.subject().equals(request.subject())) {
        // Another subject's key: answer as if it did not exist, so ids cannot be probed.
        throw new SessionRefused(
            SessionRefused.Reason.UNKNOWN_KEY, "no committed key " + request.keyId());
      }
      if (!stored.curve().equals(request.curve())) {
        throw new SessionRefused(
            SessionRefused.Reason.PROTOCOL_VIOLATION,
            "key " + request.keyId() + " is a " + stored.curve() + " key");
      }
      if (stored.frozen()) {
        throw new SessionRefused(
            SessionRefused.Reason.KEY_FROZEN,
            "key " + request.keyId() + " is frozen until an audited refresh");
      }
      redeemTicket(request);
      return switch (stored.curve()) {
        case "secp256k1" ->
            new EcdsaSigning(request, EcdsaP1KeyShare.fromBytes(stored.share()), keyShares, random);
        case "ed25519" ->
            new EddsaSigning(request, EddsaKeyShare.fromBytes(stored.share()), random);
        default -> throw unsupportedCurve(request);
      };
    }
  }

  private void redeemTicket(SessionRequest request) {
    byte[] bound = ticketDigest(request.curve(), request.message());
    try {
      tickets.redeem(request.ticket(), request.subject(), request.keyId(), Operation.SIGN, bound);
    } catch (TicketRefused e) {
      throw new SessionRefused(
          SessionRefused.Reason.BAD_TICKET, "ticket refused: " + e.reason().name());
    }
  }

  /**
   * What a signing ticket binds: a secp256k1 ticket the 32-byte digest itself, an ed25519 ticket
   * SHA-256 of the message (which may be long).
   */
  public static byte[] ticketDigest(String curve, byte[] message) {
    if (!curve.equals("ed25519")) {
      return message;
    }
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
