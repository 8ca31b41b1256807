package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.planbok.mpc.eddsa.EddsaKeyGenP1;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.KeyGenShare;
import org.planbok.mpc.group.Ed25519;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party EdDSA key generation (DESIGN §4): commit to A1, receive A2, open; both
 * proofs bind the key id. The share is staged as pending before the opening leaves.
 */
final class EddsaKeyGeneration implements Node2Party {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private final EddsaKeyGenP1 party;
  private byte[] publicKey;

  EddsaKeyGeneration(SessionRequest request, KeyShares keyShares, SecureRandom random) {
    this.request = request;
    this.keyShares = keyShares;
    this.party =
        new EddsaKeyGenP1(
            request.sid(), request.keyId().value().getBytes(StandardCharsets.UTF_8), random);
  }

  @Override
  public Step opening() {
    return Step.reply(party.start().toBytes());
  }

  @Override
  public Step onMessage(byte[] message) {
    byte[] opening = party.onShare(KeyGenShare.fromBytes(message)).toBytes();
    EddsaKeyShare share = party.keyShare();
    publicKey = Ed25519.INSTANCE.encode(share.publicKey());
    keyShares.stage(
        request.keyId(),
        request.subject(),
        "ed25519",
        share.toBytes(),
        HexFormat.of().formatHex(publicKey),
        request.sid().hex());
    share.destroy();
    return Step.last(opening);
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), publicKey);
  }
}
