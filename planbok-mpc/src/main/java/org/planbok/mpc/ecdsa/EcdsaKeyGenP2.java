package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * Lindell 2017 §3.2 key generation with additive shares (cb-mpc ECDSA-2PC), P2's side, played by
 * Node 1. Rounds: {@link #contribute}, {@link #finish}. P2 sends QB only after P1 committed to QA,
 * and P1 opens only after seeing QB, so neither can choose its share as a function of the other's.
 */
public final class EcdsaKeyGenP2 implements Participant<EcdsaP2KeyShare> {
  private enum State {
    START,
    CONTRIBUTED,
    DONE
  }

  private final SessionId sid;
  private final byte[] aux;
  private final SecureRandom random;
  private State state = State.START;
  private Commitment commitmentA;
  private BigInteger xB;
  private ECPoint qB;
  private byte[] ccB;
  private EcdsaP2KeyShare share;

  public EcdsaKeyGenP2(SessionId sid, byte[] keyId, SecureRandom random) {
    this.sid = sid;
    this.aux = KeyGenAux.of(EcdsaKeyGenP1.AUX, keyId);
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
      case START -> Optional.of(contribute(KeyGenCommitment.fromBytes(message)).toBytes());
      case CONTRIBUTED -> {
        finish(KeyGenOpening.fromBytes(message));
        yield Optional.empty();
      }
      case DONE -> throw Codec.wrongState("onMessage");
    };
  }

  @Override
  public boolean done() {
    return share != null;
  }

  @Override
  public EcdsaP2KeyShare outcome() {
    if (share == null) {
      throw Codec.wrongState("outcome");
    }
    return share;
  }

  /** Round 2: keep P1's commitment; xB ← Z*_n, QB = xB·G, π_QB, ccB. */
  KeyGenShare contribute(KeyGenCommitment commitment) {
    requireState(State.START, "contribute");
    state = State.DONE;
    Codec.requireSession(sid, commitment.sid());
    commitmentA = commitment.commitment();
    xB = Codec.GROUP.randomScalar(random);
    qB = Codec.GROUP.multiplyGenerator(xB);
    DlogProof proof = DlogProof.prove(Codec.GROUP, sid, Party.P2, aux, xB, qB, random);
    ccB = new byte[Codec.CHAIN_CODE_BYTES];
    random.nextBytes(ccB);
    state = State.CONTRIBUTED;
    return new KeyGenShare(sid, qB, proof, ccB);
  }

  /**
   * Round 4 (local): check the opening, π_QA, the modulus (2048 bits, Paillier–Blum, no small
   * factors), that c_key is a unit below N² hiding log_G(QA); Q = QA + QB ≠ O.
   */
  EcdsaP2KeyShare finish(KeyGenOpening open) {
    requireState(State.CONTRIBUTED, "finish");
    state = State.DONE;
    Codec.requireSession(sid, open.sid());
    commitmentA.verify(EcdsaKeyGenP1.LABEL, sid, Party.P1, open.opening());
    ECPoint qA = open.publicShareA();
    open.proof().verify(Codec.GROUP, sid, Party.P1, aux, qA);
    PaillierPublicKey pk = open.paillierKey();
    if (pk.modulus().bitLength() != PaillierPublicKey.MODULUS_BITS) {
      throw new ProtocolAbort(AbortReason.INVALID_PAILLIER, "Paillier modulus is not 2048 bits");
    }
    open.keyProof().verify(pk, sid, Party.P1, aux);
    BigInteger cKey = pk.requireCiphertext(open.cKey(), "c_key");
    open.cKeyProof().verify(pk, cKey, qA, sid, Party.P1, aux);
    ECPoint q = EcdsaKeyGenP1.jointKey(qA, qB);
    byte[] cc = EcdsaKeyGenP1.chainCode(open.chainCodeA(), ccB);
    share = new EcdsaP2KeyShare(xB, q, qA, qB, cc, pk, cKey);
    return share;
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
