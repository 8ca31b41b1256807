package org.planbok.keys.control;

import java.util.Arrays;
import org.planbok.keys.entity.Curve;

/**
 * The two parts of an exported key (DESIGN §4 Export; issue 12 item 5), alive only while Node 1
 * seals its own to the device: Node 1's part {@code m1 = xB + t − ρ mod n} (32 bytes big-endian),
 * and Node 2's part {@code xA + ρ}, which Node 2 sealed to the device itself and Node 1 cannot
 * open. The device adds the two. For a seed key exported at its root (issue 13) also Node 1's seed
 * part {@code s1 ⊕ μ}, which the device XORs into Node 2's. {@link #toString()} never shows Node
 * 1's parts.
 */
public final class ExportParts {
  private final Curve curve;
  private final byte[] node1Part;
  private final byte[] node2Sealed;
  private final byte[] childPublicKey;
  private final byte[] node1SeedPart;

  ExportParts(Curve curve, byte[] node1Part, byte[] node2Sealed, byte[] childPublicKey) {
    this(curve, node1Part, null, node2Sealed, childPublicKey);
  }

  ExportParts(
      Curve curve,
      byte[] node1Part,
      byte[] node1SeedPart,
      byte[] node2Sealed,
      byte[] childPublicKey) {
    this.curve = curve;
    this.node1Part = node1Part;
    this.node1SeedPart = node1SeedPart;
    this.node2Sealed = node2Sealed.clone();
    this.childPublicKey = childPublicKey.clone();
  }

  public Curve curve() {
    return curve;
  }

  /** Node 1's part itself, not a copy: zeroed when the export ends. */
  public byte[] node1Part() {
    return node1Part;
  }

  /** Node 1's seed part itself (not a copy), or null when the export carries no seed. */
  public byte[] node1SeedPart() {
    return node1SeedPart;
  }

  /** Node 2's part as Node 2 sealed it to the device: {@code enc (32) ‖ ciphertext}. */
  public byte[] node2Sealed() {
    return node2Sealed.clone();
  }

  /** The child public key (33-byte compressed secp256k1, or 32-byte ed25519). */
  public byte[] childPublicKey() {
    return childPublicKey.clone();
  }

  void destroy() {
    Arrays.fill(node1Part, (byte) 0);
    if (node1SeedPart != null) {
      Arrays.fill(node1SeedPart, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "ExportParts[" + curve.label() + ", redacted]";
  }
}
