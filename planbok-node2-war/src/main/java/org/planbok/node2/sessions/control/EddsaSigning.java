package org.planbok.node2.sessions.control;

import java.security.SecureRandom;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaSignP1;
import org.planbok.mpc.eddsa.SignCommitment;
import org.planbok.mpc.eddsa.SignOpening;

/**
 * Node 2 as P1 of two-party EdDSA signing (DESIGN §4): Node 1 commits to its nonce first, Node 2
 * answers with R1, and after the opening releases its partial signature; Node 1 combines and
 * verifies with a standard RFC 8032 verifier.
 */
final class EddsaSigning implements Node2Party {
  private final SessionRequest request;
  private final EddsaKeyShare share;
  private final EddsaSignP1 party;
  private int round;

  EddsaSigning(SessionRequest request, EddsaKeyShare share, SecureRandom random) {
    this.request = request;
    this.share = share;
    this.party = new EddsaSignP1(share, request.sid(), request.message(), request.tweak(), random);
  }

  @Override
  public Step opening() {
    return Step.none();
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
  }
}
