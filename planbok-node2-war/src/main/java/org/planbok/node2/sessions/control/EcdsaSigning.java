package org.planbok.node2.sessions.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP1;
import org.planbok.mpc.ecdsa.SignOutcome;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.keys.control.SigningSessions;

/**
 * Node 2 as P1 of two-party ECDSA signing (Lindell 2017 §3.3): commit to R1, open it, decrypt
 * {@code c3} and verify the joint signature. A signature that fails verification freezes the key at
 * once and for good (BitForge, CVE-2023-33242): the freeze is persisted before Node 1 hears
 * anything, and no retry is possible.
 *
 * <p>The freeze is read again when {@code c3} arrives, under the key's row lock, and a durable
 * suspect mark is committed before decrypting ({@link SigningSessions#beforeDecrypt}): a freeze
 * caused by any other open session stops this one before it decrypts, and a crash between
 * decrypting and recording the outcome leaves the key frozen, not probed.
 */
final class EcdsaSigning extends ProtocolParty<SignOutcome> {
  private static final Logger LOG = Logger.getLogger(EcdsaSigning.class.getName());

  private final SessionRequest request;
  private final SigningSessions sessions;
  private boolean admitted;
  private boolean recorded;

  EcdsaSigning(
      SessionRequest request,
      EcdsaP1KeyShare share,
      BigInteger tweak,
      SigningSessions sessions,
      SecureRandom random) {
    super(
        new EcdsaSignP1(
            share,
            request.sid(),
            new SignRequest(
                request.keyId().value().getBytes(StandardCharsets.UTF_8), request.message(), tweak),
            random,
            () ->
                SessionParties.admit(
                    sessions.beforeDecrypt(request.keyId(), request.sid().hex()),
                    request.keyId())));
    this.request = request;
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

  /**
   * Records the outcome before Node 1 hears it: a verified signature ends the session; a freeze is
   * persisted, and Node 1 gets only the refusal.
   */
  @Override
  void settle(SignOutcome outcome) {
    if (outcome instanceof SignOutcome.Signed) {
      sessions.verified(request.sid().hex());
      recorded = true;
      return;
    }
    sessions.failed(
        request.keyId(), request.sid().hex(), "joint ECDSA signature failed verification");
    recorded = true;
    throw new SessionRefused(
        RefusalReason.KEY_FROZEN,
        "the joint signature did not verify; the key is frozen until an audited refresh");
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), new byte[0]);
  }

  /** Ends the session in the key's count of open sessions, unless its outcome already did. */
  @Override
  public void close() {
    if (recorded || !admitted) {
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
