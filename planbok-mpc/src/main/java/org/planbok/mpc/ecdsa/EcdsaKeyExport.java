package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Key reconstruction for export (DESIGN §4 Export): P1 releases {@code xA}; P2 checks it against
 * {@code QA}, computes {@code x_child = xA + xB + t mod n} and checks it against the child public
 * key before anything is sealed.
 */
public final class EcdsaKeyExport {
  private EcdsaKeyExport() {}

  /**
   * P1's half of a masked export ({@link MaskedExport}): a fresh mask ρ for P2 and {@code xA + ρ}
   * for the device. Refuses a frozen key (its peer may be the attacker the freeze stopped).
   */
  public static MaskedExport maskedRelease(
      EcdsaP1KeyShare share, SessionId sid, SecureRandom random) {
    if (share.frozen()) {
      throw new ProtocolAbort(AbortReason.KEY_FROZEN, "a frozen key is not exported");
    }
    return MaskedExport.node2(ExportCurve.SECP256K1, sid, share.xA(), random);
  }

  /** P2's part of a masked export of the child at {@code tweak}: {@code xB + t − ρ mod n}. */
  public static byte[] node1Part(
      EcdsaP2KeyShare share, SessionId sid, ExportMask mask, BigInteger tweak) {
    return MaskedExport.node1Part(sid, ExportCurve.SECP256K1, mask, share.xB(), tweak);
  }

  /** P1's half: refuses a frozen key (its peer may be the attacker the freeze stopped). */
  public static ShareRelease release(EcdsaP1KeyShare share, SessionId sid) {
    if (share.frozen()) {
      throw new ProtocolAbort(AbortReason.KEY_FROZEN, "a frozen key is not exported");
    }
    return new ShareRelease(sid, share.xA());
  }

  /**
   * P2's half: the child private key for tweak {@code t}, which must match {@code childKey} (from
   * {@link org.planbok.mpc.hd.Bip32}; the root itself when t = 0).
   */
  public static ExportedKey reconstruct(
      EcdsaP2KeyShare share,
      SessionId sid,
      ShareRelease release,
      BigInteger tweak,
      ECPoint childKey) {
    Codec.requireSession(sid, release.sid());
    Codec.GROUP.requireScalar(tweak, "tweak");
    if (!Codec.GROUP.multiplyGenerator(release.xA()).equals(share.publicShareA())) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "released xA does not match QA");
    }
    BigInteger x = release.xA().add(share.xB()).add(tweak).mod(Secp256k1.N);
    if (x.signum() == 0 || !Codec.GROUP.multiplyGenerator(x).equals(childKey.normalize())) {
      throw new ProtocolAbort(
          AbortReason.INVALID_SCALAR, "reconstructed key does not match the child key");
    }
    return new ExportedKey(Secp256k1.scalarBytes(x));
  }
}
