package org.planbok.node2.sessions.boundary;

import io.grpc.StatusRuntimeException;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.control.KeyRefused;
import org.planbok.node2.sessions.control.SessionRefused;
import org.planbok.node2.sessions.control.SessionRefused.Reason;

/**
 * Why a session ended, as the contract's reason: a refusal by Node 2, an abort by the protocol (a
 * proof or commitment of Node 1's that did not verify, a malformed message), or a refusal of the
 * key store. Anything else is unexpected.
 */
final class SessionRefusals {
  private SessionRefusals() {}

  /** The stable reason, or null for an unexpected failure. */
  static Reason reasonOf(Throwable t) {
    if (t instanceof SessionRefused r) {
      return r.reason();
    }
    if (t instanceof ProtocolAbort a) {
      return switch (a.reason()) {
        case BAD_PROOF, BAD_COMMITMENT, BAD_SIGNATURE, INVALID_PAILLIER -> Reason.BAD_PROOF;
        case KEY_FROZEN -> Reason.KEY_FROZEN;
        default -> Reason.PROTOCOL_VIOLATION;
      };
    }
    if (t instanceof KeyRefused k) {
      return switch (k.reason()) {
        case ALREADY_EXISTS -> Reason.KEY_EXISTS;
        case UNKNOWN_KEY, NOT_COMMITTED -> Reason.UNKNOWN_KEY;
        default -> Reason.PROTOCOL_VIOLATION;
      };
    }
    return null;
  }

  static StatusRuntimeException toStatus(Throwable t) {
    Reason reason = reasonOf(t);
    if (reason == null) {
      return Refusals.unexpected("session", t);
    }
    return Refusals.refusal(contractReason(reason), t.getMessage());
  }

  /** Each of the session's reasons has the contract's reason of the same name. */
  static org.planbok.node2.api.Reason contractReason(Reason reason) {
    return org.planbok.node2.api.Reason.valueOf(reason.name());
  }
}
