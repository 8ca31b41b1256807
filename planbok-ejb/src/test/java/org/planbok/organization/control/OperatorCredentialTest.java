package org.planbok.organization.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorCredentialTest {
  // printf %s 'pbk_op_secret' | sha256sum
  private static final String HASH =
      "d4e7f3d9cc2c8d2af1b0ad7a5ec1e67f0c0b95cc68f0d1db5f5d9d0b9c81e1e4";

  @Test
  void acceptsTheTokenWhoseHashIsConfigured() throws Exception {
    String hash =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest("pbk_op_secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    OperatorCredential credential = new OperatorCredential(Optional.of(hash.toUpperCase()));
    assertTrue(credential.isConfigured());
    assertTrue(credential.verify("pbk_op_secret"));
    assertFalse(credential.verify("pbk_op_secreT"));
    assertFalse(credential.verify(""));
    assertFalse(credential.verify(null));
  }

  @Test
  void withoutAValidHashEveryTokenIsRefused() {
    for (Optional<String> setting :
        java.util.List.of(
            Optional.<String>empty(),
            Optional.of(""),
            Optional.of("abc"),
            Optional.of(HASH + "0"))) {
      OperatorCredential credential = new OperatorCredential(setting);
      assertFalse(credential.isConfigured());
      assertFalse(credential.verify("pbk_op_secret"));
      assertFalse(credential.verify(""));
    }
  }
}
