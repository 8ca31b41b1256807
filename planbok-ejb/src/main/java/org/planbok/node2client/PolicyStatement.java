package org.planbok.node2client;

import java.util.HexFormat;

/**
 * Node 1's policy decision for one SIGN ticket, as Node 2 checks it: the hash of the policies that
 * applied (empty when none), the decision, the rules applied, the payload's kind and SHA-256, and
 * for the kinds Node 2 recomputes the digest from, the payload itself.
 */
public record PolicyStatement(
    byte[] policyHash,
    String decision,
    String rule,
    String payloadKind,
    byte[] payloadHash,
    byte[] payload) {
  public static final String ALLOWED = "ALLOWED";

  public PolicyStatement {
    policyHash = policyHash.clone();
    payloadHash = payloadHash.clone();
    payload = payload == null ? new byte[0] : payload.clone();
  }

  @Override
  public byte[] policyHash() {
    return policyHash.clone();
  }

  @Override
  public byte[] payloadHash() {
    return payloadHash.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public String toString() {
    return "PolicyStatement["
        + HexFormat.of().formatHex(policyHash)
        + ", "
        + decision
        + ", "
        + payloadKind
        + "]";
  }
}
