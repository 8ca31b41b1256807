package org.planbok.node2.policies.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Node 1's decision for one SIGN ticket (policies.proto {@code PolicyStatement}): the hash of the
 * policies it applied, the decision, the rules, the payload's kind and SHA-256, and for the kinds
 * Node 2 recomputes, the payload. {@link #binding()} is what the ticket carries.
 */
public record PolicyStatement(
    byte[] policyHash,
    String decision,
    String rule,
    String payloadKind,
    byte[] payloadHash,
    byte[] payload) {
  public static final String ALLOWED = "ALLOWED";
  private static final String LABEL = "planbok/node2/policy-statement/v1";

  public PolicyStatement {
    policyHash = policyHash.clone();
    payloadHash = payloadHash.clone();
    payload = payload.clone();
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

  /**
   * SHA-256 over the label and every field, length-prefixed; the payload enters through its hash
   * (which the gate checks against the payload when one came).
   */
  public byte[] binding() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part :
          new byte[][] {
            LABEL.getBytes(StandardCharsets.UTF_8),
            policyHash,
            decision.getBytes(StandardCharsets.UTF_8),
            rule.getBytes(StandardCharsets.UTF_8),
            payloadKind.getBytes(StandardCharsets.UTF_8),
            payloadHash
          }) {
        sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For the audit log: kind, decision, policy hash and payload hash (no payload). */
  public String describe() {
    HexFormat hex = HexFormat.of();
    return payloadKind
        + " "
        + decision
        + " policy "
        + (policyHash.length == 0 ? "none" : hex.formatHex(policyHash))
        + " payload "
        + hex.formatHex(payloadHash)
        + (rule.isEmpty() ? "" : " rule " + rule);
  }
}
