package org.planbok.keys.entity;

import java.util.Optional;

/** The two curves of DESIGN §4, with the names the API uses. */
public enum Curve {
  SECP256K1("secp256k1"),
  ED25519("ed25519");

  private final String label;

  Curve(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Curve> parse(String text) {
    for (Curve c : values()) {
      if (c.label.equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
