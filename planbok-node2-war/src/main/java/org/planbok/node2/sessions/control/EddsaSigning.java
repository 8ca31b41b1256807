package org.planbok.node2.sessions.control;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP1;
import org.planbok.node2.keys.control.SigningSessions;

/**
 * Node 2 as P1 of two-party EdDSA signing (DESIGN §4): Node 1 commits to its nonce first, Node 2
 * answers with R1, and after the opening releases its partial signature; Node 1 combines and
 * verifies with a standard RFC 8032 verifier. The session is counted among the key's open signing
 * sessions ({@link SigningSessions}) until it ends.
 */
final class EddsaSigning extends ProtocolParty<Void> {
  private static final Logger LOG = Logger.getLogger(EddsaSigning.class.getName());

  private final SessionRequest request;
  private final EddsaKeyShare share;
  private final SigningSessions sessions;
  private boolean admitted;

  EddsaSigning(
      SessionRequest request,
      EddsaKeyShare share,
      BigInteger tweak,
      SigningSessions sessions,
      SecureRandom random) {
    super(new EddsaSignP1(share, request.sid(), request.message(), tweak, random));
    this.request = request;
    this.share = share;
    this.sessions = sessions;
  }

  /**
   * Counts the session among the key's open signing sessions before anything of Node 1's is read:
   * refused when the session id was used before, the key froze, or it has its cap of sessions.
   */
  @Override
  public void afterOpening() {
    SessionParties.admit(sessions.open(request.keyId(), request.sid().hex()), request.keyId());
    admitted = true;
  }

  /** Nothing to keep: the partial signature has gone out, and Node 1 assembles and verifies. */
  @Override
  void settle(Void outcome) {}

  @Override
  public Result result() {
    return new Result(request.keyId().value(), new byte[0]);
  }

  @Override
  public void close() {
    share.destroy();
    if (!admitted) {
      // Not ours to end: a refused open may name another session's id.
      return;
    }
    try {
      sessions.ended(request.sid().hex());
    } catch (RuntimeException e) {
      // Counted as open until signing-session-max-age: the cap errs on the safe side.
      LOG.warning(() -> "could not end signing session " + request.sid().hex() + ": " + e);
    }
  }
}
