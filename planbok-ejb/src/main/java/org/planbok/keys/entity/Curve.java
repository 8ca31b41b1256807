package org.planbok.keys.entity;

import java.util.Optional;

/**
 * The two curves of DESIGN §4, with the names the API uses: the labels both nodes share ({@link
 * org.planbok.node2.api.vocabulary.Curve}).
 */
public enum Curve {
  SECP256K1(org.planbok.node2.api.vocabulary.Curve.SECP256K1),
  ED25519(org.planbok.node2.api.vocabulary.Curve.ED25519);

  private final org.planbok.node2.api.vocabulary.Curve contract;

  Curve(org.planbok.node2.api.vocabulary.Curve contract) {
    this.contract = contract;
  }

  public String label() {
    return contract.label();
  }

  /** The curve as the Node 1 ⇄ Node 2 contract names it. */
  public org.planbok.node2.api.vocabulary.Curve contract() {
    return contract;
  }

  public static Optional<Curve> parse(String text) {
    for (Curve c : values()) {
      if (c.label().equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
