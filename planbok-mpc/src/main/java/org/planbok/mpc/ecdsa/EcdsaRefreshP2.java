package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Share refresh (DESIGN §4), P2's side: sends δB after P1's commitment, then checks the opening,
 * the fresh Paillier key and that {@code c_key'} hides log_G(QA + δ·G); {@code xB' = xB − δ}.
 */
public final class EcdsaRefreshP2 implements Participant<EcdsaP2KeyShare> {
  private enum State {
    START,
    CONTRIBUTED,
    DONE
  }

  private final EcdsaP2KeyShare share;
  private final SessionId sid;
  private final byte[] aux;
  private final SecureRandom random;
  private State state = State.START;
  private Commitment commitment;
  private byte[] deltaB;
  private EcdsaP2KeyShare refreshed;

  public EcdsaRefreshP2(EcdsaP2KeyShare share, SessionId sid, byte[] keyId, SecureRandom random) {
    this.share = share;
    this.sid = sid;
    this.aux = Refresh.aux(keyId, share.publicKey());
    this.random = random;
  }

  /** Nothing: P1 commits first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /** Round 2 on P1's commitment ({@link #contribute}); round 4 on its opening ({@link #finish}). */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (state) {
      case START -> Optional.of(contribute(RefreshCommitment.fromBytes(message)).toBytes());
      case CONTRIBUTED -> {
        finish(RefreshOpening.fromBytes(message));
        yield Optional.empty();
      }
      case DONE -> throw Codec.wrongState("onMessage");
    };
  }

  @Override
  public boolean done() {
    return refreshed != null;
  }

  /** The refreshed share. */
  @Override
  public EcdsaP2KeyShare outcome() {
    if (refreshed == null) {
      throw Codec.wrongState("outcome");
    }
    return refreshed;
  }

  /** Round 2: keep P1's commitment, send 32 random bytes δB. */
  RefreshContribution contribute(RefreshCommitment peer) {
    requireState(State.START, "contribute");
    state = State.DONE;
    Codec.requireSession(sid, peer.sid());
    commitment = peer.commitment();
    deltaB = new byte[RefreshContribution.DELTA_BYTES];
    random.nextBytes(deltaB);
    state = State.CONTRIBUTED;
    return new RefreshContribution(sid, deltaB);
  }

  /** Round 4 (local): verify everything, then xB' = xB − δ, QA' + QB' = Q. */
  EcdsaP2KeyShare finish(RefreshOpening open) {
    requireState(State.CONTRIBUTED, "finish");
    state = State.DONE;
    Codec.requireSession(sid, open.sid());
    commitment.verify(Refresh.LABEL, sid, Party.P1, open.opening());
    BigInteger delta = Refresh.delta(sid, open.deltaA(), deltaB);
    ECPoint qA = Refresh.shiftUp(share.publicShareA(), delta);
    ECPoint qB = Refresh.shiftDown(share.publicShareB(), delta);
    PaillierPublicKey pk = open.paillierKey();
    if (pk.modulus().bitLength() != PaillierPublicKey.MODULUS_BITS) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier modulus is not 2048 bits");
    }
    if (pk.equals(share.paillierKey())) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier key was not rotated");
    }
    open.keyProof().verify(pk, sid, Party.P1, aux);
    BigInteger cKey = pk.requireCiphertext(open.cKey(), "c_key");
    open.cKeyProof().verify(pk, cKey, qA, sid, Party.P1, aux);
    BigInteger xB = share.xB().subtract(delta).mod(Secp256k1.N);
    refreshed = new EcdsaP2KeyShare(xB, share.publicKey(), qA, qB, share.chainCode(), pk, cKey);
    return refreshed;
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
