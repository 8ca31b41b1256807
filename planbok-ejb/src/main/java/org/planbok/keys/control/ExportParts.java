package org.planbok.keys.control;

import java.util.Arrays;
import org.planbok.keys.entity.Curve;

/**
 * The two parts of an exported key (DESIGN §4 Export; issue 12 item 5), alive only while Node 1
 * seals its own to the device: Node 1's part {@code m1 = xB + t − ρ mod n} (32 bytes big-endian),
 * and Node 2's part {@code xA + ρ}, which Node 2 sealed to the device itself and Node 1 cannot
 * open. The device adds the two. {@link #toString()} never shows Node 1's part.
 */
public final class ExportParts {
  private final Curve curve;
  private final byte[] node1Part;
  private final byte[] node2Sealed;
  private final byte[] childPublicKey;

  ExportParts(Curve curve, byte[] node1Part, byte[] node2Sealed, byte[] childPublicKey) {
    this.curve = curve;
    this.node1Part = node1Part;
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
  }

  @Override
  public String toString() {
    return "ExportParts[" + curve.label() + ", redacted]";
  }
}
