package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.MaskPool;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;

/**
 * Lindell 2017 §3.3 (additive shares as in cb-mpc's ECDSA-2PC): P2's side of one signing session,
 * played by Node 1. Rounds: {@link #nonce}, {@link #partial}, {@link #finish}. P2 never learns s
 * before P1 has verified it, and verifies it again itself.
 */
public final class EcdsaSignP2 implements Participant<EcdsaSignature> {
  private enum State {
    START,
    NONCE_SENT,
    PARTIAL_SENT,
    DONE
  }

  private final EcdsaP2KeyShare share;
  private final SessionId sid;
  private final SignRequest request;
  private final SecureRandom random;
  private final byte[] aux;
  private final Supplier<BigInteger> masks;
  private State state = State.START;
  private Commitment r1Commitment;
  private BigInteger k2;
  private BigInteger r;
  private EcdsaSignature signature;

  /** A session that computes its Paillier mask {@code r^N mod N²} inline (one 2048-bit power). */
  public EcdsaSignP2(
      EcdsaP2KeyShare share, SessionId sid, SignRequest request, SecureRandom random) {
    this(share, sid, request, random, () -> share.paillierKey().randomMask(random));
  }

  /** A session that takes its mask from a background {@link MaskPool} for the share's key. */
  public EcdsaSignP2(
      EcdsaP2KeyShare share,
      SessionId sid,
      SignRequest request,
      SecureRandom random,
      MaskPool pool) {
    this(share, sid, request, random, poolFor(share, pool)::take);
  }

  private static MaskPool poolFor(EcdsaP2KeyShare share, MaskPool pool) {
    if (!pool.publicKey().equals(share.paillierKey())) {
      throw new IllegalArgumentException("mask pool is for another Paillier key");
    }
    return pool;
  }

  /**
   * A session that takes its Paillier mask {@code r^N mod N²} from {@code masks}, typically a
   * background pool for {@link EcdsaP2KeyShare#paillierKey()} ({@code pool::take}); each mask must
   * be fresh and used once.
   */
  public EcdsaSignP2(
      EcdsaP2KeyShare share,
      SessionId sid,
      SignRequest request,
      SecureRandom random,
      Supplier<BigInteger> masks) {
    this.masks = masks;
    this.share = share;
    this.sid = sid;
    this.request = request;
    this.random = random;
    this.aux = request.aux(share.publicKey(), share.paillierKey(), share.cKey());
  }

  /** Nothing: P1 commits to its nonce first. */
  @Override
  public Optional<byte[]> firstMessage() {
    return Optional.empty();
  }

  /**
   * Round 2 on P1's commitment ({@link #nonce}), round 4 on its opening ({@link #partial}), round 6
   * on its signature ({@link #finish}).
   */
  @Override
  public Optional<byte[]> onMessage(byte[] message) {
    return switch (state) {
      case START -> Optional.of(nonce(SignCommitment.fromBytes(message)).toBytes());
      case NONCE_SENT -> Optional.of(partial(SignOpening.fromBytes(message)).toBytes());
      case PARTIAL_SENT -> {
        finish(SignResult.fromBytes(message));
        yield Optional.empty();
      }
      case DONE -> throw Codec.wrongState("onMessage");
    };
  }

  @Override
  public boolean done() {
    return signature != null;
  }

  /** The joint signature, verified under {@code Q + t·G}. */
  @Override
  public EcdsaSignature outcome() {
    if (signature == null) {
      throw Codec.wrongState("outcome");
    }
    return signature;
  }

  /** Round 2: keep P1's commitment; k2 ← Z*_n, R2 = k2·G with π_R2. */
  SignNonce nonce(SignCommitment commitment) {
    requireState(State.START, "nonce");
    state = State.DONE;
    Codec.requireSession(sid, commitment.sid());
    r1Commitment = commitment.commitment();
    k2 = Codec.GROUP.randomScalar(random);
    ECPoint r2 = Codec.GROUP.multiplyGenerator(k2);
    DlogProof proof = DlogProof.prove(Codec.GROUP, sid, Party.P2, aux, k2, r2, random);
    state = State.NONCE_SENT;
    return new SignNonce(sid, r2, proof);
  }

  /**
   * Round 4: check the opening and π_R1, R = k2·R1, r = R.x mod n, and send {@code c3 = Enc(ρ·n +
   * k2⁻¹(m + r(xB + t))) ⊕ (k2⁻¹·r) ⊙ c_key} with ρ ← [0, n²).
   */
  SignPartial partial(SignOpening opening) {
    requireState(State.NONCE_SENT, "partial");
    state = State.DONE;
    Codec.requireSession(sid, opening.sid());
    r1Commitment.verify(EcdsaSignP1.NONCE_LABEL, sid, Party.P1, opening.opening());
    opening.proof().verify(Codec.GROUP, sid, Party.P1, aux, opening.r1());
    ECPoint bigR = Codec.GROUP.multiply(opening.r1(), k2);
    r = bigR.isInfinity() ? BigInteger.ZERO : Signing.r(bigR);
    if (r.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "joint nonce gives r = 0");
    }
    BigInteger c3 = encryptPartial();
    k2 = null;
    state = State.PARTIAL_SENT;
    return new SignPartial(sid, c3);
  }

  private BigInteger encryptPartial() {
    BigInteger n = Secp256k1.N;
    BigInteger k2Inv = k2.modInverse(n);
    BigInteger xBt = share.xB().add(request.tweak());
    BigInteger v = k2Inv.multiply(request.e().add(r.multiply(xBt))).mod(n);
    BigInteger rho = new BigInteger(2 * n.bitLength() + 64, random).mod(n.multiply(n));
    PaillierPublicKey pk = share.paillierKey();
    BigInteger c1 = pk.encryptWithMask(rho.multiply(n).add(v), mask());
    BigInteger c2 = pk.multiply(share.cKey(), k2Inv.multiply(r).mod(n));
    return pk.add(c1, c2);
  }

  private BigInteger mask() {
    return Objects.requireNonNull(masks.get(), "mask pool returned no mask");
  }

  /**
   * Round 6: accept P1's signature only if it has this session's r, verifies under Q + t·G, and its
   * recovery id recovers Q + t·G.
   */
  EcdsaSignature finish(SignResult result) {
    requireState(State.PARTIAL_SENT, "finish");
    state = State.DONE;
    Codec.requireSession(sid, result.sid());
    EcdsaSignature sig = result.signature();
    ECPoint key = request.signingKey(share.publicKey());
    if (!sig.r().equals(r)
        || !sig.verifies(key, request.digest())
        || !key.equals(sig.recoverPublicKey(request.digest()))) {
      throw new ProtocolAbort(AbortReason.BAD_SIGNATURE, "P1's signature does not verify");
    }
    signature = sig;
    return sig;
  }

  private void requireState(State expected, String round) {
    if (state != expected) {
      throw Codec.wrongState(round);
    }
  }
}
