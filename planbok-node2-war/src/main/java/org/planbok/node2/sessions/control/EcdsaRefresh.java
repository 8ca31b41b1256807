package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.ecdsa.EcdsaRefreshP1;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party ECDSA share refresh (DESIGN §4): commit to δA, receive δB, open with
 * {@code c_key' = Enc_N'(xA + δ)} under a fresh Paillier key and its proofs. The new share is
 * staged as the key's pending generation before the opening leaves; the current one stays in use
 * until Node 1 commits. Allowed on a frozen key: the commit is what lifts the freeze (DESIGN §3).
 */
final class EcdsaRefresh extends ProtocolParty<EcdsaP1KeyShare> {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private final String base;
  private final byte[] publicKey;

  EcdsaRefresh(
      SessionRequest request,
      EcdsaP1KeyShare share,
      String base,
      KeyShares keyShares,
      PaillierSecretKey freshPaillier,
      SecureRandom random) {
    super(
        new EcdsaRefreshP1(
            share,
            request.sid(),
            request.keyId().value().getBytes(StandardCharsets.UTF_8),
            freshPaillier,
            random));
    this.request = request;
    this.keyShares = keyShares;
    this.base = base;
    this.publicKey = Secp256k1.INSTANCE.encode(share.publicKey());
  }

  @Override
  void settle(EcdsaP1KeyShare refreshed) {
    keyShares.stageGeneration(request.keyId(), refreshed.toBytes(), request.sid().hex(), base);
  }

  /** The joint public key, which a refresh leaves unchanged. */
  @Override
  public Result result() {
    return new Result(request.keyId().value(), publicKey);
  }
}
