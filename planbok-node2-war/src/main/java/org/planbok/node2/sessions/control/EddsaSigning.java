package org.planbok.node2.sessions.control;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP1;
import org.planbok.mpc.eddsa.SignCommitment;
import org.planbok.mpc.eddsa.SignOpening;
import org.planbok.node2.keys.control.SigningSessions;

/**
 * Node 2 as P1 of two-party EdDSA signing (DESIGN §4): Node 1 commits to its nonce first, Node 2
 * answers with R1, and after the opening releases its partial signature; Node 1 combines and
 * verifies with a standard RFC 8032 verifier. The session is counted among the key's open signing
 * sessions ({@link SigningSessions}) until it ends.
 */
final class EddsaSigning implements Node2Party {
  private static final Logger LOG = Logger.getLogger(EddsaSigning.class.getName());

  private final SessionRequest request;
  private final EddsaKeyShare share;
  private final SigningSessions sessions;
  private final EddsaSignP1 party;
  private int round;
  private boolean admitted;

  EddsaSigning(
      SessionRequest request,
      EddsaKeyShare share,
      BigInteger tweak,
      SigningSessions sessions,
      SecureRandom random) {
    this.request = request;
    this.share = share;
    this.sessions = sessions;
    this.party = new EddsaSignP1(share, request.sid(), request.message(), tweak, random);
  }

  @Override
  public Step opening() {
    return Step.none();
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

  @Override
  public Step onMessage(byte[] message) {
    round++;
    if (round == 1) {
      return Step.reply(party.onCommitment(SignCommitment.fromBytes(message)).toBytes());
    }
    return Step.last(party.onOpening(SignOpening.fromBytes(message)).toBytes());
  }

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
