package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP1;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.keys.control.KeyShares;

/**
 * Node 2 as P1 of two-party ECDSA key generation (Lindell 2017 §3.2, additive shares, DESIGN §4):
 * commit, receive P2's share, open with {@code c_key} and its proofs. The share is staged as
 * pending before the opening leaves, so a key Node 1 finalizes always exists here.
 */
final class EcdsaKeyGeneration extends ProtocolParty<EcdsaP1KeyShare> {
  private final SessionRequest request;
  private final KeyShares keyShares;
  private byte[] publicKey;

  EcdsaKeyGeneration(
      SessionRequest request,
      KeyShares keyShares,
      PaillierSecretKey paillier,
      SecureRandom random) {
    super(
        new EcdsaKeyGenP1(
            request.sid(),
            request.keyId().value().getBytes(StandardCharsets.UTF_8),
            paillier,
            random));
    this.request = request;
    this.keyShares = keyShares;
  }

  @Override
  void settle(EcdsaP1KeyShare share) {
    publicKey = Secp256k1.INSTANCE.encode(share.publicKey());
    keyShares.stage(
        request.keyId(),
        request.subject(),
        Curve.SECP256K1,
        share.toBytes(),
        HexFormat.of().formatHex(publicKey),
        request.sid().hex());
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), publicKey);
  }
}
