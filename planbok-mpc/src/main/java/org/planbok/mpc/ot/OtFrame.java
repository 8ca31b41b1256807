package org.planbok.mpc.ot;

import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * The common layout of every OT message: {@code type ‖ sid ‖ fields}, each a {@link WireWriter}
 * field. The type names the round ({@code planbok/ot/matrix}), so a message of one round never
 * parses as another. Points are 32-byte RFC 8032 encodings that go through {@link Ed25519#decode}.
 */
final class OtFrame {
  private static final String PREFIX = "planbok/ot/";
  private static final int MAX_TYPE = 64;

  private OtFrame() {}

  static WireWriter start(String type, SessionId sid) {
    return new WireWriter().text(PREFIX + type).bytes(sid.bytes());
  }

  /** Opens a message of the given type and reads its session id. */
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

  /** A point received from the peer: canonical, in the prime-order subgroup, not the identity. */
  static EdPoint point(byte[] encoded) {
    return Ed25519.INSTANCE.decode(encoded);
  }

  /** For points built in-process, where decoding did not run: the identity is refused too. */
  static EdPoint requirePoint(EdPoint p, String what) {
    if (p == null) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, what + " is missing");
    }
    if (Ed25519.INSTANCE.isIdentity(p)) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, what + " is the identity");
    }
    return p;
  }

  static SessionId requireSid(SessionId sid) {
    if (sid == null) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "session id is missing");
    }
    return sid;
  }

  static byte[] requireLength(byte[] value, int length, String what) {
    if (value == null || value.length != length) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, what + " must be " + length + " bytes");
    }
    return value.clone();
  }

  static void requireSession(SessionId expected, OtMessage m) {
    if (!expected.equals(m.sid())) {
      throw new ProtocolAbort(AbortReason.WRONG_SESSION, "message belongs to another session");
    }
  }
}
