package org.planbok.node2.sessions.boundary;

import java.math.BigInteger;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sessions.control.SessionRefused;
import org.planbok.node2.sessions.control.SessionRequest;

/** Validates a {@link SessionOpen} frame at the edge and maps it to the domain's request. */
final class SessionRequests {
  static final int MAX_MESSAGE = 64 * 1024;
  static final int MAX_PATH = 64;
  static final int DEVICE_KEY = 32;
  static final int CHALLENGE = 32;

  /**
   * An authorization's ciphertext: enc, the five length-prefixed fields (strings ≤ 64), the tag.
   */
  static final int MAX_AUTHORIZATION = 1024;

  private static final BigInteger MAX_TWEAK = BigInteger.ONE.shiftLeft(256);

  private SessionRequests() {}

  static SessionRequest from(SessionOpen open) {
    SessionId sid;
    try {
      sid = SessionId.of(open.getSessionId().toByteArray());
    } catch (ProtocolAbort e) {
      throw violation("session id must be 32 bytes");
    }
    Operation op =
        Operation.fromWire(open.getOperation())
            .orElseThrow(() -> violation("operation is missing"));
    if (!op.isSession()) {
      throw violation(open.getOperation() + " is not a session");
    }
    Curve curve = Curve.fromWire(open.getCurve()).orElseThrow(() -> violation("curve is missing"));
    KeyId keyId;
    try {
      keyId = KeyId.of(open.getKeyId());
    } catch (IllegalArgumentException e) {
      throw violation("key id is not valid");
    }
    if (open.getSubject().isBlank() || open.getSubject().length() > 128) {
      throw violation("subject must be 1 to 128 characters");
    }
    Subject subject;
    try {
      subject = Subject.of(open.getSubject());
    } catch (IllegalArgumentException e) {
      throw violation("subject must be \"customer:<id>\" or \"organization:<id>\"");
    }
    byte[] message = open.getMessage().toByteArray();
    if (op == Operation.SIGN) {
      if (curve == Curve.SECP256K1 ? message.length != 32 : message.length > MAX_MESSAGE) {
        throw violation("message to sign has the wrong size for " + curve);
      }
    }
    if (op == Operation.EXPORT) {
      try {
        ExportHpke.recipient(message);
      } catch (ProtocolAbort e) {
        throw violation("an export needs the device's " + DEVICE_KEY + "-byte X25519 key");
      }
    }
    DerivationPath path = path(open, curve);
    if (!path.indices().isEmpty() && op != Operation.SIGN && op != Operation.EXPORT) {
      throw violation("only SIGN and EXPORT name a child key's path");
    }
    return new SessionRequest(
        sid,
        op,
        curve,
        keyId,
        subject,
        open.getTicket().toByteArray(),
        message,
        path,
        tweak(open),
        op == Operation.EXPORT ? exportTerms(open) : SessionRequest.ExportTerms.NONE);
  }

  /** Sizes only: whether the device authorized the export is decided in the session. */
  private static SessionRequest.ExportTerms exportTerms(SessionOpen open) {
    if (open.getPath().isEmpty()) {
      throw violation("an export needs the wallet's path, 1 to " + MAX_PATH + " characters");
    }
    if (open.getAuthorization().size() > MAX_AUTHORIZATION) {
      throw violation("authorization is longer than " + MAX_AUTHORIZATION + " bytes");
    }
    if (!open.getChallenge().isEmpty() && open.getChallenge().size() != CHALLENGE) {
      throw violation("challenge must be " + CHALLENGE + " bytes");
    }
    return new SessionRequest.ExportTerms(
        open.getPath(), open.getAuthorization().toByteArray(), open.getChallenge().toByteArray());
  }

  /** The child key's path; empty or {@code m} is the root key. ed25519 derives one level only. */
  private static DerivationPath path(SessionOpen open, Curve curve) {
    String text = open.getPath();
    if (text.isEmpty() || text.equals("m")) {
      return DerivationPath.root();
    }
    if (text.length() > MAX_PATH) {
      throw violation("path is longer than " + MAX_PATH + " characters");
    }
    DerivationPath path;
    try {
      path = DerivationPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw violation("path: " + e.getMessage());
    }
    if (curve == Curve.ED25519 && path.indices().size() > 1) {
      throw violation("an ed25519 path has one level (m/i)");
    }
    return path;
  }

  /** The tweak Node 1 sent, or null when it sent none. */
  private static BigInteger tweak(SessionOpen open) {
    byte[] t = open.getTweak().toByteArray();
    if (t.length == 0) {
      return null;
    }
    if (t.length != 32) {
      throw violation("tweak must be 32 bytes");
    }
    BigInteger tweak = new BigInteger(1, t);
    if (tweak.compareTo(MAX_TWEAK) >= 0) {
      throw violation("tweak out of range");
    }
    return tweak;
  }

  private static SessionRefused violation(String detail) {
    return new SessionRefused(RefusalReason.PROTOCOL_VIOLATION, detail);
  }
}
