package org.planbok.node2.sessions.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.audit.control.AuditLog;

/**
 * Node 2's half of an export (DESIGN §4 Export; issue 12 item 5): a masked release. Node 2 draws a
 * fresh mask ρ, seals its part {@code 0x01 ‖ curve ‖ (xA + ρ mod n)} to the device key itself
 * (HPKE, info {@value ExportHpke#NODE2_INFO}, associated data {@code "keyId:path"}) and sends Node
 * 1 only ρ, in the session's one round, and the sealed part, in the closing frame. Node 1 seals
 * {@code xB + t − ρ}; the device adds the two. So no frame to Node 1 carries xA, and Node 1 never
 * holds the key. The release is audited, with SHA-256 of the device key, before anything leaves.
 *
 * <p>A key made from a seed, exported at its root (issue 13), also releases its seed share masked
 * by a fresh μ sent to Node 1 beside ρ: the part is then version 2, {@code 0x02 ‖ curve ‖ (xA + ρ)
 * ‖ (s2 ⊕ μ)}, and the device XORs Node 1's {@code s1 ⊕ μ} into it.
 */
final class ShareExport implements Node2Party {
  static final byte PART_VERSION = 0x01;
  static final byte SEED_PART_VERSION = 0x02;

  private final SessionRequest request;
  private final MaskedExport masked;
  private final byte[] sealedPart;
  private final AuditLog audit;

  private ShareExport(
      SessionRequest request, MaskedExport masked, byte[] sealedPart, AuditLog audit) {
    this.request = request;
    this.masked = masked;
    this.sealedPart = sealedPart;
    this.audit = audit;
  }

  /**
   * Seals Node 2's part of {@code masked} to the request's device key (a key that is not a usable
   * X25519 key aborts with {@code INVALID_POINT}) and forgets the unsealed part.
   */
  static ShareExport of(
      SessionRequest request, ExportCurve curve, MaskedExport masked, AuditLog audit) {
    byte[] m2 = masked.node2Part();
    byte[] seedPart = masked.node2SeedPart();
    byte[] plaintext = new byte[2 + m2.length + (seedPart == null ? 0 : seedPart.length)];
    plaintext[0] = seedPart == null ? PART_VERSION : SEED_PART_VERSION;
    plaintext[1] = (byte) curve.code();
    System.arraycopy(m2, 0, plaintext, 2, m2.length);
    if (seedPart != null) {
      System.arraycopy(seedPart, 0, plaintext, 2 + m2.length, seedPart.length);
      Arrays.fill(seedPart, (byte) 0);
    }
    try {
      AsymmetricKeyParameter device = ExportHpke.recipient(request.message());
      byte[] aad =
          (request.keyId().value() + ":" + request.export().path())
              .getBytes(StandardCharsets.UTF_8);
      return new ShareExport(
          request, masked, ExportHpke.seal(device, ExportHpke.NODE2_INFO, aad, plaintext), audit);
    } finally {
      Arrays.fill(m2, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
      masked.destroy();
    }
  }

  @Override
  public Step opening() {
    audit.append(
        request.sid().hex(),
        "key.export",
        request.keyId().value(),
        "RELEASED",
        "masked, sealed to device key sha256 "
            + HexFormat.of().formatHex(SessionParties.ticketDigest(request))
            + ", path "
            + request.export().path()
            + (masked.mask().hasSeedMask() ? ", seed included" : ""));
    return Step.last(masked.mask().toBytes());
  }

  @Override
  public Step onMessage(byte[] message) {
    throw new SessionRefused(
        RefusalReason.PROTOCOL_VIOLATION, "an export takes no message from Node 1");
  }

  @Override
  public Result result() {
    return new Result(request.keyId().value(), new byte[0], sealedPart);
  }
}
