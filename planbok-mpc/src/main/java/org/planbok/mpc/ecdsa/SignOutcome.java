package org.planbok.mpc.ecdsa;

/**
 * How P1's last sign round ends. {@link Frozen} is not an exception on purpose: the caller must
 * persist the frozen share before it answers anyone (DESIGN §3, BitForge CVE-2023-33242), and a
 * sealed result makes it handle that case.
 */
public sealed interface SignOutcome {

  /** The joint signature verified under {@code Q + t·G}; send {@code message} to P2. */
  record Signed(EcdsaSignature signature, SignResult message) implements SignOutcome {}

  /**
   * The joint signature did not verify: P2 sent a bad {@code c3}. Persist {@code frozenShare};
   * every later sign with it aborts with {@code KEY_FROZEN}. Tell P2 nothing beyond the abort.
   */
  record Frozen(EcdsaP1KeyShare frozenShare) implements SignOutcome {}
}
