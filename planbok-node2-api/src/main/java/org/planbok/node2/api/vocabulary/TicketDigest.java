package org.planbok.node2.api.vocabulary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 32 bytes a ticket binds (DESIGN §6), which Node 1 asks for when it buys the ticket and Node 2
 * recomputes from the session that redeems it: for SIGN on secp256k1 the digest signed itself, for
 * SIGN on ed25519 SHA-256 of the message, for EXPORT SHA-256 of the device's public key the export
 * is sealed to; no bytes for the other operations.
 */
public final class TicketDigest {
  private TicketDigest() {}

  /**
   * @param message SIGN: the 32-byte digest (secp256k1) or the message (ed25519); EXPORT: the
   *     device's public key; ignored otherwise
   */
  public static byte[] of(Operation operation, Curve curve, byte[] message) {
    return switch (operation) {
      case SIGN -> curve == Curve.SECP256K1 ? message.clone() : sha256(message);
      case EXPORT -> sha256(message);
      default -> new byte[0];
    };
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
