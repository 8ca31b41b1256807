package org.planbok.mpc.session;

/**
 * The two roles of a two-party protocol, named as in Lindell 2017. In Planbok Node 2 plays {@link
 * #P1} (holds the Paillier secret key, decrypts, verifies and freezes) and Node 1 plays {@link #P2}
 * (the coordinator, whose 32-byte share the customer's PIN protects). EdDSA keeps the same mapping.
 */
public enum Party {
  P1,
  P2;

  public Party peer() {
    return this == P1 ? P2 : P1;
  }
}
