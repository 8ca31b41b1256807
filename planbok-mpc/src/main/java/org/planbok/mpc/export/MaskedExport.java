package org.planbok.mpc.export;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * Masked share release (DESIGN §4 Export; issue 12 item 5). With additive shares {@code x = xA +
 * xB} and the child key {@code x + t}:
 *
 * <ol>
 *   <li>Node 2 draws ρ uniformly in [1, n), sends ρ to Node 1 ({@link ExportMask}) and seals {@code
 *       m2 = xA + ρ mod n} to the device ({@link #node2Part});
 *   <li>Node 1 seals {@code m1 = xB + t − ρ mod n} to the device ({@link #node1Part});
 *   <li>the device computes {@code m1 + m2 mod n = xA + xB + t} and checks it against the child
 *       public key ({@link #combine}).
 * </ol>
 *
 * <p>m2 alone is uniformly distributed whatever xA is (one-time pad in Z_n), and Node 1 never sees
 * it; ρ alone is independent of xA. So Node 1, which learns ρ and holds xB, learns nothing about
 * xA, and with it neither the root key nor, through the chain code, any sibling. Node 2 learns
 * nothing new at all. Returned parts are 32 bytes big-endian, owned and zeroed by the caller.
 */
public final class MaskedExport {
  private final ExportMask mask;
  private final byte[] node2Part;
  private final byte[] node2SeedPart;

  private MaskedExport(ExportMask mask, byte[] node2Part, byte[] node2SeedPart) {
    this.mask = mask;
    this.node2Part = node2Part;
    this.node2SeedPart = node2SeedPart;
  }

  /** Node 2's side: draws the mask and computes its part from its share {@code xA}. */
  public static MaskedExport node2(
      ExportCurve curve, SessionId sid, BigInteger share, SecureRandom random) {
    return node2(curve, sid, share, null, random);
  }

  /**
   * As above, and for a key made from a seed (issue 13) also Node 2's seed part {@code s2 ⊕ μ} with
   * a fresh 32-byte μ sent to Node 1 beside ρ; Node 1 seals {@code s1 ⊕ μ} and the device XORs the
   * two. Like ρ, μ is independent of s2, so Node 1 learns nothing of it.
   *
   * @param seedShare Node 2's seed share s2, or {@code null} to release no seed
   */
  public static MaskedExport node2(
      ExportCurve curve, SessionId sid, BigInteger share, byte[] seedShare, SecureRandom random) {
    curve.requireScalar(share, "share");
    if (share.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "share must not be zero");
    }
    BigInteger rho;
    do {
      rho = new BigInteger(curve.order().bitLength() + 64, random).mod(curve.order());
    } while (rho.signum() == 0);
    byte[] mu = new byte[seedShare == null ? 0 : 32];
    byte[] seedPart = null;
    if (seedShare != null) {
      if (seedShare.length != 32) {
        throw new IllegalArgumentException("a seed share is 32 bytes");
      }
      random.nextBytes(mu);
      seedPart = xor(seedShare, mu);
    }
    return new MaskedExport(
        new ExportMask(sid, curve, rho, mu),
        curve.bytes(share.add(rho).mod(curve.order())),
        seedPart);
  }

  /** Node 2's seed part {@code s2 ⊕ μ}, for sealing beside its part; a copy, or null if none. */
  public byte[] node2SeedPart() {
    return node2SeedPart == null ? null : node2SeedPart.clone();
  }

  /** Node 1's seed part {@code s1 ⊕ μ}, with μ from Node 2's mask. */
  public static byte[] node1SeedPart(SessionId sid, ExportMask mask, byte[] seedShare) {
    if (!mask.sid().equals(sid)) {
      throw new ProtocolAbort(AbortReason.WRONG_SESSION, "mask of another session");
    }
    if (!mask.hasSeedMask()) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "the mask carries no seed mask");
    }
    byte[] mu = mask.seedMask();
    byte[] part = xor(seedShare, mu);
    java.util.Arrays.fill(mu, (byte) 0);
    return part;
  }

  private static byte[] xor(byte[] a, byte[] b) {
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  /** What Node 2 sends Node 1. */
  public ExportMask mask() {
    return mask;
  }

  /** Node 2's part {@code xA + ρ mod n}, for sealing to the device; a copy. */
  public byte[] node2Part() {
    return node2Part.clone();
  }

  /** Overwrites Node 2's parts. */
  public void destroy() {
    java.util.Arrays.fill(node2Part, (byte) 0);
    if (node2SeedPart != null) {
      java.util.Arrays.fill(node2SeedPart, (byte) 0);
    }
  }

  /**
   * Node 1's side: {@code xB + t − ρ mod n} from its share {@code xB}, the child's tweak {@code t}
   * and Node 2's mask for this session.
   */
  public static byte[] node1Part(
      SessionId sid, ExportCurve curve, ExportMask mask, BigInteger share, BigInteger tweak) {
    if (!mask.sid().equals(sid)) {
      throw new ProtocolAbort(AbortReason.WRONG_SESSION, "mask of another session");
    }
    if (mask.curve() != curve) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "mask for another curve");
    }
    curve.requireScalar(share, "share");
    curve.requireScalar(tweak, "tweak");
    return curve.bytes(share.add(tweak).subtract(mask.rho()).mod(curve.order()));
  }

  /** The device's step: the child key {@code m1 + m2 mod n}. */
  public static BigInteger combine(ExportCurve curve, byte[] node1Part, byte[] node2Part) {
    return curve
        .scalar(node1Part, "Node 1's part")
        .add(curve.scalar(node2Part, "Node 2's part"))
        .mod(curve.order());
  }

  @Override
  public String toString() {
    return "MaskedExport[" + mask.sid() + ", " + mask.curve() + ", redacted]";
  }
}
