package org.planbok.policy.boundary;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT …/policy}: the new policy and, optionally, the version it replaces. */
@Schema(
    name = "PolicyCommand",
    description = "A signing policy to put in place",
    requiredProperties = {"policy"})
public class PolicyCommand {
  @NotNull
  @Schema(
      required = true,
      description =
          "The policy document: rawDigest and chains (ethereum, bitcoin, bitcoin-testnet, tron,"
              + " solana, near) with their rules; see docs/policies.md",
      example =
          "{\"chains\":{\"ethereum\":{\"chainIds\":[1],\"recipients\":{\"allow\":[\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"]},\"maxValue\":\"1000000000000000000\"}}}")
  private JsonObject policy;

  @Schema(
      description =
          "The version this replaces (0: there is none yet); a 409 policy-version-mismatch"
              + " when it is not the current one",
      example = "3")
  private Long expectedVersion;

  public JsonObject getPolicy() {
    return policy;
  }

  public void setPolicy(JsonObject policy) {
    this.policy = policy;
  }

  public Long getExpectedVersion() {
    return expectedVersion;
  }

  public void setExpectedVersion(Long expectedVersion) {
    this.expectedVersion = expectedVersion;
  }
}
