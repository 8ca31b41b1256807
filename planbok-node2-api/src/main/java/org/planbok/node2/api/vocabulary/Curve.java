package org.planbok.node2.api.vocabulary;

import java.util.Optional;

/**
 * The two curves of DESIGN §4. The label is how both nodes name the curve in their APIs, stored
 * rows and the associated data of Node 2's sealed shares ({@code key-share/<label>}); never change
 * it.
 */
public enum Curve {
  SECP256K1("secp256k1", org.planbok.node2.api.Curve.SECP256K1),
  ED25519("ed25519", org.planbok.node2.api.Curve.ED25519);

  private final String label;
  private final org.planbok.node2.api.Curve wire;

  Curve(String label, org.planbok.node2.api.Curve wire) {
    this.label = label;
    this.wire = wire;
  }

  public String label() {
    return label;
  }

  /** As the contract carries it. */
  public org.planbok.node2.api.Curve wire() {
    return wire;
  }

  /** The curve of this label, or empty. */
  public static Optional<Curve> parse(String label) {
    for (Curve c : values()) {
      if (c.label.equals(label)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The curve the contract names, or empty when it names none. */
  public static Optional<Curve> fromWire(org.planbok.node2.api.Curve wire) {
    for (Curve c : values()) {
      if (c.wire == wire) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
