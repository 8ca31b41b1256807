package org.planbok.node2.api.vocabulary;

import java.util.Optional;

/**
 * What kind of payload a signature is asked for, as a policy decision ({@link PolicyStatement}) and
 * Node 2's audit name it. Node 2 recomputes the ticket's digest from the payload for the kinds that
 * say so; the label is bound into the decision and never changes.
 */
public enum PayloadKind {
  /** 32 raw bytes: nothing a rule could read. */
  DIGEST("digest", true),
  PERSONAL_SIGN("personal_sign", true),
  TYPED_DATA("typed_data", false),
  EVM_TRANSACTION("evm_transaction", true),
  PSBT("psbt", false),
  SOLANA_TRANSACTION("solana_transaction", true),
  NEAR_TRANSACTION("near_transaction", true),
  /** Tron's TransferContract/TriggerSmartContract: the txid is SHA-256 of {@code raw_data}. */
  TRON_TRANSACTION("tron_transaction", true);

  private final String label;
  private final boolean recomputedByNode2;

  PayloadKind(String label, boolean recomputedByNode2) {
    this.label = label;
    this.recomputedByNode2 = recomputedByNode2;
  }

  public String label() {
    return label;
  }

  /** Whether Node 1 sends the payload itself and Node 2 recomputes the signed digest from it. */
  public boolean recomputedByNode2() {
    return recomputedByNode2;
  }

  /** The kind of this label, or empty. */
  public static Optional<PayloadKind> parse(String label) {
    for (PayloadKind k : values()) {
      if (k.label.equals(label)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
