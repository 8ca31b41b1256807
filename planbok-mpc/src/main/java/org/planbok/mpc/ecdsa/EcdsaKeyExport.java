package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Export of a secp256k1 key (DESIGN §4 Export; issue 12 item 5) as a masked release ({@link
 * MaskedExport}): P1 (Node 2) never sends {@code xA}, only a fresh mask ρ, and seals {@code xA + ρ}
 * to the device; P2 (Node 1) computes {@code xB + t − ρ}; the device adds them and checks the sum
 * against the child public key. No party ever holds the key.
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
}
