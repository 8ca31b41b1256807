package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/** What both refresh parties compute alike: δ, the shifted public shares and the proofs' aux. */
final class Refresh {
  static final String LABEL = "ecdsa2p/refresh/deltaA";

  private Refresh() {}

  /** δ = H(sid, δA, δB) mod n, uniform because neither party controls both inputs. */
  static BigInteger delta(SessionId sid, byte[] deltaA, byte[] deltaB) {
    return Transcript.start("ecdsa2p/refresh/delta")
        .append(sid)
        .append("deltaA", deltaA)
        .append("deltaB", deltaB)
        .challenge(Secp256k1.N);
  }

  static byte[] aux(byte[] keyId, ECPoint jointKey) {
    byte[] base = KeyGenAux.of("ecdsa2p/refresh", keyId);
    return Transcript.start("ecdsa2p/refresh/aux")
        .append("base", base)
        .append("Q", Codec.GROUP.encode(jointKey))
        .digest();
  }

  /** QA' = QA + δ·G, rejecting the identity (probability 2^-256). */
  static ECPoint shiftUp(ECPoint share, BigInteger delta) {
    return nonIdentity(Codec.GROUP.add(share, Codec.GROUP.multiplyGenerator(delta)));
  }

  /** QB' = QB − δ·G. */
  static ECPoint shiftDown(ECPoint share, BigInteger delta) {
    return nonIdentity(
        Codec.GROUP.add(share, Codec.GROUP.multiplyGenerator(Secp256k1.N.subtract(delta))));
  }

  private static ECPoint nonIdentity(ECPoint p) {
    if (p.isInfinity()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "refreshed share is the identity");
    }
    return p;
  }
}
