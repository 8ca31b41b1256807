package org.planbok.node2.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed with each node's own code before the statement moved here: a change to the
 * binding or the policy hash would orphan every ticket and audit row that carries one.
 */
class PolicyStatementTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void bindsAStatementAsNode2DidBeforeTheMove() {
    byte[] policyHash = new byte[32];
    for (int i = 0; i < 32; i++) {
      policyHash[i] = (byte) i;
    }
    byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
    PolicyStatement s =
        new PolicyStatement(
            policyHash,
            PolicyStatement.ALLOWED,
            "max-amount",
            PayloadKind.PERSONAL_SIGN.label(),
            TicketDigest.sha256(payload),
            payload);

    assertEquals(
        "7212b72dc7e8175a72c5dbe96063373c707156c9d8a364c666fbb374b56bf2f2",
        HEX.formatHex(s.binding()));
    assertEquals(
        "personal_sign ALLOWED policy"
            + " 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f payload"
            + " 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 rule max-amount",
        s.describe());
  }

  @Test
  void bindsAStatementWithoutPolicyOrPayload() {
    PolicyStatement s =
        new PolicyStatement(new byte[0], PolicyStatement.ALLOWED, "", "digest", new byte[32], null);

    assertEquals(
        "c24a542cebf580524dd1b7813413afef0e7076e194faa06b6b43092d80cecaf6",
        HEX.formatHex(s.binding()));
    assertEquals(
        "digest ALLOWED policy none payload "
            + "0000000000000000000000000000000000000000000000000000000000000000",
        s.describe());
  }

  @Test
  void hashesThePolicySetAsNode1DidBeforeTheMove() {
    byte[] organization = new byte[32];
    byte[] customer = new byte[32];
    Arrays.fill(organization, (byte) 0x11);
    Arrays.fill(customer, (byte) 0x22);

    assertEquals(
        "7c1c002a3f789f148d0f41331ab4ab9643acbb9a65f5f17bdad356b3194adbc0",
        HEX.formatHex(PolicyStatement.policyHash(organization, customer)));
    assertEquals(
        "9e4984d7fa89c6c1b9fed9baa23a4a85d1f389a93963f45838c4e9f195fd8c16",
        HEX.formatHex(PolicyStatement.policyHash(organization, new byte[0])));
  }
}
