package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/**
 * Share refresh (DESIGN §4), P1's side: joint δ by commit-reveal, {@code xA' = xA + δ}, {@code xB'
 * = xB − δ}, Q unchanged. P1 also rotates its Paillier key: with the old key, an attacker who once
 * stole Node 2's share could decrypt the new {@code c_key} and undo the refresh. It sends {@code
 * c_key' = Enc_N'(xA')} with fresh proofs, so old and new shares cannot be mixed.
 *
 * <p>The refreshed share is not frozen: refreshing a frozen key is how an audited operator lifts
 * the freeze (DESIGN §3), so the caller must allow it only after that audit.
 */
public final class EcdsaRefreshP1 implements Participant<EcdsaP1KeyShare> {
  private enum State {
    START,
    COMMITTED,
    DONE
  }

  private final EcdsaP1KeyShare share;
  private final SessionId sid;
  private final byte[] aux;
  private final PaillierSecretKey newPaillier;
  private final SecureRandom random;
  private State state = State.START;
  private Commitment.Opening opening;
  private EcdsaP1KeyShare refreshed;

  /** {@code newPaillier} is a fresh key (from the pool), different from the share's. */
  public EcdsaRefreshP1(
      EcdsaP1KeyShare share,
      SessionId sid,
      byte[] keyId,
      PaillierSecretKey newPaillier,
      SecureRandom random) {
    if (newPaillier.publicKey().equals(share.paillierPublicKey())) {
      throw new IllegalArgumentException("refresh needs a fresh Paillier key");
    }
    this.share = share;
    this.sid = sid;
    this.aux = Refresh.aux(keyId, share.publicKey());
    this.newPaillier = newPaillier;
    this.random = random;
  }

  /** Round 1 ({@link #commit()}). */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(commit().toBytes());
  }

  /** Round 3 on P2's δB ({@link #open}); the refreshed share is ready after it. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    requireState(State.COMMITTED, "onMessage");
    return Optional.of(open(RefreshContribution.fromBytes(message)).toBytes());
  }

  @Override
  public boolean done() {
    return refreshed != null;
  }

  @Override
  public EcdsaP1KeyShare outcome() {
    return share();
  }

  /** Round 1: commit to 32 random bytes δA. */
  RefreshCommitment commit() {
    requireState(State.START, "commit");
    byte[] deltaA = new byte[RefreshContribution.DELTA_BYTES];
    random.nextBytes(deltaA);
    Commitment.Committed c = Commitment.commit(Refresh.LABEL, sid, Party.P1, deltaA, random);
    opening = c.opening();
    state = State.COMMITTED;
    return new RefreshCommitment(sid, c.commitment());
  }

  /** Round 3: δ, xA' = xA + δ, c_key' = Enc_N'(xA'; r) with both Paillier proofs; open δA. */
  RefreshOpening open(RefreshContribution peer) {
    requireState(State.COMMITTED, "open");
    state = State.DONE;
    Codec.requireSession(sid, peer.sid());
    BigInteger delta = Refresh.delta(sid, opening.payload(), peer.deltaB());
    BigInteger xA = share.xA().add(delta).mod(Secp256k1.N);
    ECPoint qA = Refresh.shiftUp(share.publicShareA(), delta);
    ECPoint qB = Refresh.shiftDown(share.publicShareB(), delta);
    PaillierPublicKey pk = newPaillier.publicKey();
    BigInteger r = pk.randomUnit(random);
    BigInteger cKey = pk.encrypt(xA, r);
    PaillierKeyProof keyProof = PaillierKeyProof.prove(newPaillier, sid, Party.P1, aux);
    PaillierDlogProof cKeyProof =
        PaillierDlogProof.prove(newPaillier, xA, r, cKey, qA, sid, Party.P1, aux, random);
    refreshed =
        new EcdsaP1KeyShare(
            xA, newPaillier, share.publicKey(), qA, qB, share.chainCode(), cKey, false);
    return new RefreshOpening(
        sid, opening.payload(), opening.randomness(), pk, cKey, keyProof, cKeyProof);
  }

  /** The refreshed share; replace the old one only once P2 has confirmed its own. */
  public EcdsaP1KeyShare share() {
    if (refreshed == null) {
      throw Codec.wrongState("share");
    }
    return refreshed;
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
