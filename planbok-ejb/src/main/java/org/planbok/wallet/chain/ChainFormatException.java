package org.planbok.wallet.chain;

import java.util.Objects;

/**
 * A payload, key or document that a chain format refuses. {@link #field()} names where the fault is
 * (a JSON path such as {@code typedData.message.to}, {@code transaction.chainId} or {@code
 * psbt.inputs[1]}) so the wallet boundary can answer a 4xx problem naming it. Messages describe the
 * structure only, never key material.
 */
public class ChainFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public ChainFormatException(String field, String message) {
    super(field + ": " + message);
    this.field = Objects.requireNonNull(field);
  }

  /** Where in the payload the fault is. */
  public String field() {
    return field;
  }
}
