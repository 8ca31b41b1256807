package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.circuit.SeedKeyCircuit;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/** What both parties of the seed key generation share: labels, draws and output checks. */
final class SeedRules {
  static final String CHECK_LABEL = "eddsa/seed-keygen/check";
  private static final Ed25519 G = Ed25519.INSTANCE;

  private SeedRules() {}

  /** r uniform in [1, ℓ): a2 = r2 is a key share, so it must not be zero. */
  static BigInteger nonZeroScalar(SecureRandom random) {
    BigInteger r;
    do {
      r = G.randomScalar(random);
    } while (r.signum() == 0);
    return r;
  }

  static void requireRound(SessionId sid, SeedKeyGenMessage msg, int round) {
    Frame.requireSession(sid, msg);
    if (msg.round() != round) {
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE,
          "seed keygen round " + msg.round() + " where " + round + " was due");
    }
  }

  /** d from the confirmed outputs; a peer that fed an r outside [0, ℓ) gets an abort. */
  static BigInteger output(boolean[] outputs) {
    if (!SeedKeyCircuit.inRange(outputs)) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "a seed keygen input is not below ℓ");
    }
    BigInteger d = SeedKeyCircuit.scalar(outputs);
    if (d.compareTo(G.order()) >= 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "seed keygen output is not below ℓ");
    }
    return d;
  }

  /**
   * Runs one step of a seed keygen party: any failure forgets the party's seed share and the dual
   * execution's secrets, and reaches the caller as a {@link ProtocolAbort} (a malformed peer
   * message that failed deeper down as {@link AbortReason#MALFORMED_MESSAGE}).
   */
  static <T> T guarded(
      byte[] seedShare,
      org.planbok.mpc.dualex.DualExecution execution,
      java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (ProtocolAbort e) {
      java.util.Arrays.fill(seedShare, (byte) 0);
      execution.destroy();
      throw e;
    } catch (RuntimeException e) {
      java.util.Arrays.fill(seedShare, (byte) 0);
      execution.destroy();
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, e.getMessage());
    }
  }
}
