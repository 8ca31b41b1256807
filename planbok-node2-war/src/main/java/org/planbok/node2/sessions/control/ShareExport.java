package org.planbok.node2.sessions.control;

import java.util.Arrays;
import java.util.HexFormat;
import org.planbok.node2.audit.control.AuditLog;

/**
 * Node 2's half of an export (DESIGN §4 Export): one message, its share released for this session
 * only, then the end. Node 1 checks the share against its view of Node 2's public share,
 * reconstructs the child key and seals it to the device key the export ticket was bound to. The
 * release is audited, with SHA-256 of that device key, before it leaves; the share itself never
 * reaches the log.
 */
final class ShareExport implements Node2Party {
  private final SessionRequest request;
  private final byte[] release;
  private final AuditLog audit;

  /** {@code release} is the protocol's release message; this party zeroes it when closed. */
  ShareExport(SessionRequest request, byte[] release, AuditLog audit) {
    this.request = request;
    this.release = release;
    this.audit = audit;
  }

  @Override
  public Step opening() {
    audit.append(
        request.sid().hex(),
        "key.export",
        request.keyId().value(),
        "RELEASED",
        "device key sha256 "
            + HexFormat.of().formatHex(SessionParties.ticketDigest(request))
            + ", path "
            + request.path());
    return Step.last(release);
  }

  @Override
  public Step onMessage(byte[] message) {
    throw new SessionRefused(
        SessionRefused.Reason.PROTOCOL_VIOLATION, "an export takes no message from Node 1");
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), new byte[0]);
  }

  @Override
  public void close() {
    Arrays.fill(release, (byte) 0);
  }
}
