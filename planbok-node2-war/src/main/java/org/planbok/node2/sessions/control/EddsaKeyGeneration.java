package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.SeedKeyGenP1;
import org.planbok.mpc.group.Ed25519;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party ed25519 key generation from a joint seed (issue 13; {@link
 * SeedKeyGenP1}): the key is clamp(SHA-512(s1 ⊕ s2)), so its seed can be exported to wallets that
 * import seeds, and the seed never exists here. Nine messages, Node 2 first and last; both proofs
 * bind the key id. The share, seed share included, is staged as pending before the last message
 * leaves.
 */
final class EddsaKeyGeneration extends ProtocolParty<EddsaKeyShare> {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private byte[] publicKey;

  EddsaKeyGeneration(SessionRequest request, KeyShares keyShares, SecureRandom random) {
    super(
        new SeedKeyGenP1(
            request.sid(), request.keyId().value().getBytes(StandardCharsets.UTF_8), random));
    this.request = request;
    this.keyShares = keyShares;
  }

  @Override
  void settle(EddsaKeyShare share) {
    publicKey = Ed25519.INSTANCE.encode(share.publicKey());
    keyShares.stage(
        request.keyId(),
        request.subject(),
        Curve.ED25519,
        share.toBytes(),
        HexFormat.of().formatHex(publicKey),
        request.sid().hex());
    share.destroy();
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), publicKey);
  }
}
