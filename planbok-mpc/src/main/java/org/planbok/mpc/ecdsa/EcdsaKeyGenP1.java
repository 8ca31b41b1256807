package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/**
 * Lindell 2017 §3.2 key generation with additive shares (cb-mpc ECDSA-2PC), P1's side, played by
 * Node 2. Rounds: {@link #commit()}, {@link #open}; then {@link #share()}. The Paillier key comes
 * from the caller, usually a pool of pre-generated keys, so keygen does not wait for primes.
 */
public final class EcdsaKeyGenP1 implements Participant<EcdsaP1KeyShare> {
  static final String LABEL = "ecdsa2p/keygen/QA";
  static final String AUX = "ecdsa2p/keygen";

  private enum State {
    START,
    COMMITTED,
    DONE
  }

  private final SessionId sid;
  private final byte[] aux;
  private final PaillierSecretKey paillier;
  private final SecureRandom random;
  private State state = State.START;
  private BigInteger xA;
  private ECPoint qA;
  private DlogProof proofA;
  private byte[] ccA;
  private Commitment.Opening opening;
  private EcdsaP1KeyShare share;

  public EcdsaKeyGenP1(
      SessionId sid, byte[] keyId, PaillierSecretKey paillier, SecureRandom random) {
    if (paillier.publicKey().modulus().bitLength() != PaillierPublicKey.MODULUS_BITS) {
      throw new IllegalArgumentException("the Paillier modulus must be 2048 bits");
    }
    this.sid = sid;
    this.aux = KeyGenAux.of(AUX, keyId);
    this.paillier = paillier;
    this.random = random;
  }

  /** Round 1 ({@link #commit()}). */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.of(commit().toBytes());
  }

  /** Round 3 on P2's round 2 ({@link #open}); the share is ready after it. */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    if (state != State.COMMITTED) {
      throw Codec.wrongState("onMessage");
    }
    return Optional.of(open(KeyGenShare.fromBytes(message)).toBytes());
  }

  @Override
  public boolean done() {
    return share != null;
  }

  @Override
  public EcdsaP1KeyShare outcome() {
    return share();
  }

  /** Round 1: xA ← Z*_n, QA = xA·G, π_QA, ccA; commit to all three. */
  KeyGenCommitment commit() {
    requireState(State.START, "commit");
    xA = Codec.GROUP.randomScalar(random);
    qA = Codec.GROUP.multiplyGenerator(xA);
    proofA = DlogProof.prove(Codec.GROUP, sid, Party.P1, aux, xA, qA, random);
    ccA = new byte[Codec.CHAIN_CODE_BYTES];
    random.nextBytes(ccA);
    Commitment.Committed c =
        Commitment.commit(LABEL, sid, Party.P1, KeyGenOpening.payload(qA, proofA, ccA), random);
    opening = c.opening();
    state = State.COMMITTED;
    return new KeyGenCommitment(sid, c.commitment());
  }

  /**
   * Round 3: verify π_QB, Q = QA + QB ≠ O, cc = SHA-256(ccA ‖ ccB); open; send N, c_key = Enc(xA;
   * r) with the modulus proof and the proof that c_key hides log_G(QA).
   */
  KeyGenOpening open(KeyGenShare peer) {
    requireState(State.COMMITTED, "open");
    state = State.DONE;
    Codec.requireSession(sid, peer.sid());
    peer.proof().verify(Codec.GROUP, sid, Party.P2, aux, peer.publicShareB());
    ECPoint q = jointKey(qA, peer.publicShareB());
    byte[] cc = chainCode(ccA, peer.chainCodeB());
    PaillierPublicKey pk = paillier.publicKey();
    BigInteger r = pk.randomUnit(random);
    BigInteger cKey = pk.encrypt(xA, r);
    PaillierKeyProof keyProof = PaillierKeyProof.prove(paillier, sid, Party.P1, aux);
    PaillierDlogProof cKeyProof =
        PaillierDlogProof.prove(paillier, xA, r, cKey, qA, sid, Party.P1, aux, random);
    share = new EcdsaP1KeyShare(xA, paillier, q, qA, peer.publicShareB(), cc, cKey, false);
    return new KeyGenOpening(
        sid, qA, proofA, ccA, opening.randomness(), pk, cKey, keyProof, cKeyProof);
  }

  /**
   * The finished share; persist it only once P2 has confirmed its own (caller's two-phase step).
   */
  public EcdsaP1KeyShare share() {
    if (share == null) {
      throw Codec.wrongState("share");
    }
    return share;
  }

  static ECPoint jointKey(ECPoint qA, ECPoint qB) {
    ECPoint q = Codec.GROUP.add(qA, qB);
    if (q.isInfinity()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "QA + QB is the identity");
    }
    return q;
  }

  /** cc = SHA-256(ccA ‖ ccB) (DESIGN §4): neither party alone chooses the chain code. */
  static byte[] chainCode(byte[] ccA, byte[] ccB) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Codec.concat(ccA, ccB));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
