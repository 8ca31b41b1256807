package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/**
 * The common layout of every EdDSA message: {@code type ‖ sid ‖ fields}, each a {@link WireWriter}
 * field. The type names protocol and round ({@code planbok/eddsa/sign/nonce}), so a message of one
 * round never parses as another. Points are 32-byte RFC 8032 encodings that go through {@link
 * Ed25519#decode}; scalars are 32 bytes little-endian and must be below ℓ.
 */
final class Frame {
  private static final String PREFIX = "planbok/eddsa/";
  private static final int MAX_TYPE = 64;

  private Frame() {}

  static WireWriter start(String type, SessionId sid) {
    return new WireWriter().text(PREFIX + type).bytes(sid.bytes());
  }

  /** Opens a message of the given type; the caller reads the session id next. */
  static WireReader open(byte[] bytes, String type) {
    WireReader r = new WireReader(bytes);
    if (!(PREFIX + type).equals(r.text(MAX_TYPE))) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "not a " + type + " message");
    }
    return r;
  }

  static SessionId sid(WireReader r) {
    return SessionId.of(r.fixedBytes(SessionId.LENGTH));
  }

  static EdPoint point(WireReader r) {
    return Ed25519.INSTANCE.decode(r.fixedBytes(Ed25519.POINT_BYTES));
  }

  static WireWriter point(WireWriter w, EdPoint p) {
    return w.bytes(p.encode());
  }

  static BigInteger scalar(WireReader r, String what) {
    return Ed25519.scalarFromBytes(r.fixedBytes(Ed25519.SCALAR_BYTES), what);
  }

  static WireWriter scalar(WireWriter w, BigInteger s) {
    return w.bytes(Ed25519.scalarBytes(s));
  }

  /** A Schnorr proof as its commitment point and response; both validated on the way in. */
  static DlogProof proof(WireReader r) {
    EdPoint commitment = point(r);
    return new DlogProof(commitment.encode(), scalar(r, "dlog proof response"));
  }

  static WireWriter proof(WireWriter w, DlogProof p) {
    return scalar(w.bytes(p.commitment()), p.response());
  }

  static void requireSession(SessionId expected, EddsaMessage m) {
    if (!expected.equals(m.sid())) {
      throw new ProtocolAbort(AbortReason.WRONG_SESSION, "message belongs to another session");
    }
  }
}
