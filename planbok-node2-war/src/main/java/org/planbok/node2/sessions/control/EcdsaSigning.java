package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.ecdsa.EcdsaSignP1;
import org.planbok.mpc.ecdsa.SignNonce;
import org.planbok.mpc.ecdsa.SignOutcome;
import org.planbok.mpc.ecdsa.SignPartial;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party ECDSA signing (Lindell 2017 §3.3): commit to R1, open it, decrypt
 * {@code c3} and verify the joint signature. A signature that fails verification freezes the key at
 * once and for good (BitForge, CVE-2023-33242): the freeze is persisted before Node 1 hears
 * anything, and no retry is possible.
 */
final class EcdsaSigning implements Node2Party {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private final EcdsaSignP1 party;
  private int round;

  EcdsaSigning(
      SessionRequest request, EcdsaP1KeyShare share, KeyShares keyShares, SecureRandom random) {
    this.request = request;
    this.keyShares = keyShares;
    this.party =
        new EcdsaSignP1(
            share,
            request.sid(),
            new SignRequest(
                request.keyId().value().getBytes(StandardCharsets.UTF_8),
                request.message(),
                request.tweak()),
            random);
  }

  @Override
  public Step opening() {
    return Step.reply(party.commitNonce().toBytes());
  }

  @Override
  public Step onMessage(byte[] message) {
    round++;
    if (round == 1) {
      return Step.reply(party.openNonce(SignNonce.fromBytes(message)).toBytes());
    }
    SignOutcome outcome = party.finish(SignPartial.fromBytes(message));
    if (outcome instanceof SignOutcome.Signed signed) {
      return Step.last(signed.message().toBytes());
    }
    keyShares.freeze(
        request.keyId(), "joint ECDSA signature failed verification", request.sid().hex());
    throw new SessionRefused(
        SessionRefused.Reason.KEY_FROZEN,
        "the joint signature did not verify; the key is frozen until an audited refresh");
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), new byte[0]);
  }
}
