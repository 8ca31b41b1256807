package org.planbok.node2.sessions.control;

import java.security.SecureRandom;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaRefreshP1;
import org.planbok.mpc.group.Ed25519;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party EdDSA share refresh (DESIGN §4): commit to δ1 and its view of the key,
 * receive δ2, open. {@code a1' = a1 + δ}; A and the chain code do not change. The new share is
 * staged as the key's pending generation before the opening leaves.
 */
final class EddsaRefresh extends ProtocolParty<EddsaKeyShare> {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private final String base;
  private final EddsaKeyShare share;

  EddsaRefresh(
      SessionRequest request,
      EddsaKeyShare share,
      String base,
      KeyShares keyShares,
      SecureRandom random) {
    super(new EddsaRefreshP1(share, request.sid(), random));
    this.request = request;
    this.keyShares = keyShares;
    this.base = base;
    this.share = share;
  }

  @Override
  void settle(EddsaKeyShare refreshed) {
    try {
      keyShares.stageGeneration(request.keyId(), refreshed.toBytes(), request.sid().hex(), base);
    } finally {
      refreshed.destroy();
    }
  }

  /** The joint public key, which a refresh leaves unchanged. */
  @Override
  public Result result() {
    return new Result(request.keyId().value(), Ed25519.INSTANCE.encode(share.publicKey()));
  }

  @Override
  public void close() {
    share.destroy();
  }
}
