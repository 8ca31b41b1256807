package org.planbok.mpc.export;

import java.math.BigInteger;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * Export, Node 2 → Node 1: the fresh mask ρ (in [1, n)) that Node 2 added to its share before
 * sealing it to the device; Node 1 subtracts it from its own part. ρ is uniformly random and
 * independent of the key, so it tells Node 1 nothing about Node 2's share. For the seed of a key
 * made from one (issue 13) also μ, 32 random bytes XORed into both seed shares; empty otherwise.
 * Encoded as {@code label ‖ sid ‖ curve ‖ ρ (32 bytes big-endian) ‖ μ (0 or 32 bytes)}, every field
 * length-prefixed.
 */
public record ExportMask(SessionId sid, ExportCurve curve, BigInteger rho, byte[] seedMask) {
  static final String LABEL = "planbok/export/mask/v2";

  public ExportMask {
    curve.requireScalar(rho, "mask");
    if (rho.signum() == 0) {
      throw new ProtocolAbort(AbortReason.INVALID_SCALAR, "mask must not be zero");
    }
    if (seedMask == null || (seedMask.length != 0 && seedMask.length != 32)) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "a seed mask is 32 bytes or none");
    }
    if (seedMask.length != 0 && curve != ExportCurve.ED25519) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "only ed25519 keys have seeds");
    }
    seedMask = seedMask.clone();
  }

  /** A mask without a seed mask. */
  public ExportMask(SessionId sid, ExportCurve curve, BigInteger rho) {
    this(sid, curve, rho, new byte[0]);
  }

  @Override
  public byte[] seedMask() {
    return seedMask.clone();
  }

  /** Whether the export also carries the seed's two parts. */
  public boolean hasSeedMask() {
    return seedMask.length != 0;
  }

  public byte[] toBytes() {
    return new WireWriter()
        .text(LABEL)
        .bytes(sid.bytes())
        .integer(curve.code())
        .bytes(curve.bytes(rho))
        .bytes(seedMask)
        .toBytes();
  }

  /** Aborts with {@code MALFORMED_MESSAGE} or {@code INVALID_SCALAR} on anything else. */
  public static ExportMask fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    if (!LABEL.equals(in.text(64))) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "not an export mask");
    }
    SessionId sid = SessionId.of(in.fixedBytes(SessionId.LENGTH));
    ExportCurve curve = ExportCurve.ofCode(in.smallInt());
    BigInteger rho = curve.scalar(in.fixedBytes(ExportCurve.SCALAR_BYTES), "mask");
    byte[] seedMask = in.bytes(32);
    in.end();
    return new ExportMask(sid, curve, rho, seedMask);
  }

  @Override
  public String toString() {
    // ρ with Node 2's sealed part is Node 2's share: keep it out of logs.
    return "ExportMask[" + sid + ", " + curve + ", redacted]";
  }
}
