package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.group.Group;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * Schnorr's proof of knowledge of {@code x} with {@code Q = x·G}, made non-interactive by
 * Fiat–Shamir. The challenge binds the group, session id, prover's role, an auxiliary label (the
 * key id, the protocol round) and both points, so a proof cannot be replayed into another session,
 * by the other party, or for another statement.
 *
 * @param commitment the encoded point {@code A = k·G}
 * @param response {@code z = k + e·x mod order}
 */
public record DlogProof(byte[] commitment, BigInteger response) {

  public DlogProof {
    if (commitment == null || response == null) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "dlog proof is incomplete");
    }
    commitment = commitment.clone();
  }

  @Override
  public byte[] commitment() {
    return commitment.clone();
  }

  public static <P> DlogProof prove(
      Group<P> group,
      SessionId sid,
      Party prover,
      byte[] aux,
      BigInteger secret,
      P publicPoint,
      SecureRandom random) {
    BigInteger k = group.randomScalar(random);
    byte[] a = group.encode(group.multiplyGenerator(k));
    BigInteger e = challenge(group, sid, prover, aux, group.encode(publicPoint), a);
    BigInteger z = k.add(e.multiply(secret)).mod(group.order());
    return new DlogProof(a, z);
  }

  /** Verifies the proof for {@code publicPoint}; aborts with {@link AbortReason#BAD_PROOF}. */
  public <P> void verify(Group<P> group, SessionId sid, Party prover, byte[] aux, P publicPoint) {
    P a;
    try {
      a = group.decode(commitment);
      group.requireScalar(response, "dlog proof response");
    } catch (ProtocolAbort e) {
      throw new ProtocolAbort(AbortReason.BAD_PROOF, "dlog proof is malformed: " + e.getMessage());
    }
    BigInteger e = challenge(group, sid, prover, aux, group.encode(publicPoint), commitment);
    P lhs = group.multiplyGenerator(response);
    P rhs = group.add(a, group.multiply(publicPoint, e));
    if (!group.same(lhs, rhs)) {
      throw new ProtocolAbort(AbortReason.BAD_PROOF, "dlog proof does not verify");
    }
  }

  private static BigInteger challenge(
      Group<?> group, SessionId sid, Party prover, byte[] aux, byte[] q, byte[] a) {
    return Transcript.start("zk/dlog")
        .append("group", group.name())
        .append(sid)
        .append(prover)
        .append("aux", aux)
        .append("Q", q)
        .append("A", a)
        .challenge(group.order());
  }
}
