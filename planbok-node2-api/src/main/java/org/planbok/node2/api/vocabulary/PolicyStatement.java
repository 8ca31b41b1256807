package org.planbok.node2.api.vocabulary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Node 1's decision for one SIGN ticket (policies.proto {@code PolicyStatement}): the hash of the
 * policies it applied ({@link #policyHash(byte[], byte[])}, empty when none), the decision, the
 * rules applied, the payload's kind ({@link PayloadKind#label()}) and SHA-256, and for the kinds
 * Node 2 recomputes the digest from, the payload itself. {@link #binding()} is what Node 2's ticket
 * carries.
 */
public record PolicyStatement(
    byte[] policyHash,
    String decision,
    String rule,
    String payloadKind,
    byte[] payloadHash,
    byte[] payload) {
  /** The one decision Node 1 states (it never asks for a ticket it refused). */
  public static final String ALLOWED = "ALLOWED";

  private static final String BINDING_LABEL = "planbok/node2/policy-statement/v1";
  private static final String SET_LABEL = "planbok/policy-set/v1";

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

  /**
   * The policy hash a statement names: {@code SHA-256("planbok/policy-set/v1" ‖ u32 len ‖
   * organization hash ‖ u32 len ‖ customer hash)}, a scope without a policy as zero bytes. (No
   * policy at all is no bytes, not this hash; the caller decides.)
   */
  public static byte[] policyHash(byte[] organizationHash, byte[] customerHash) {
    return lengthPrefixed(
        false, SET_LABEL.getBytes(StandardCharsets.UTF_8), organizationHash, customerHash);
  }

  /**
   * SHA-256 over the label and every field, length-prefixed; the payload enters through its hash
   * (which Node 2 checks against the payload when one came).
   */
  public byte[] binding() {
    return lengthPrefixed(
        true,
        BINDING_LABEL.getBytes(StandardCharsets.UTF_8),
        policyHash,
        decision.getBytes(StandardCharsets.UTF_8),
        rule.getBytes(StandardCharsets.UTF_8),
        payloadKind.getBytes(StandardCharsets.UTF_8),
        payloadHash);
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

  /** SHA-256 of the parts, each after its u32 length ({@code prefixFirst}: the first part too). */
  private static byte[] lengthPrefixed(boolean prefixFirst, byte[] first, byte[]... rest) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      if (prefixFirst) {
        sha.update(ByteBuffer.allocate(4).putInt(first.length).array());
      }
      sha.update(first);
      for (byte[] part : rest) {
        sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
