package org.planbok.node2.sessions.boundary;

import io.grpc.StatusRuntimeException;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.control.KeyRefused;
import org.planbok.node2.sessions.control.SessionRefused;

/**
 * Why a session ended, as the contract's reason: a refusal by Node 2, an abort by the protocol (a
 * proof or commitment of Node 1's that did not verify, a malformed message), or a refusal of the
 * key store. Anything else is unexpected.
 */
final class SessionRefusals {
  private SessionRefusals() {}

  /** The stable reason, or null for an unexpected failure. */
  static RefusalReason reasonOf(Throwable t) {
    if (t instanceof SessionRefused r) {
      return r.reason();
    }
    if (t instanceof ProtocolAbort a) {
      return switch (a.reason()) {
        case BAD_PROOF, BAD_COMMITMENT, BAD_SIGNATURE, INVALID_PAILLIER -> RefusalReason.BAD_PROOF;
        case KEY_FROZEN -> RefusalReason.KEY_FROZEN;
        default -> RefusalReason.PROTOCOL_VIOLATION;
      };
    }
    if (t instanceof KeyRefused k) {
      return switch (k.reason()) {
        case ALREADY_EXISTS -> RefusalReason.KEY_EXISTS;
        case UNKNOWN_KEY, NOT_COMMITTED -> RefusalReason.UNKNOWN_KEY;
        default -> RefusalReason.PROTOCOL_VIOLATION;
      };
    }
    return null;
  }

  static StatusRuntimeException toStatus(Throwable t) {
    RefusalReason reason = reasonOf(t);
    if (reason == null) {
      return Refusals.unexpected("session", t);
    }
    return Refusals.refusal(reason.wire(), t.getMessage());
  }
}
