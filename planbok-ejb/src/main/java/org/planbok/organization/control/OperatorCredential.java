package org.planbok.organization.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's bearer token, known to the server only by its SHA-256 ({@code
 * planbok.operator.token-sha256}, 64 hex digits). Without that setting operator access is off. The
 * operator creates organizations; it never sees their customers.
 */
@ApplicationScoped
public class OperatorCredential {
  private static final Logger LOG = Logger.getLogger(OperatorCredential.class.getName());

  private final byte[] expected;

  @Inject
  public OperatorCredential(
      @ConfigProperty(name = "planbok.operator.token-sha256") Optional<String> sha256Hex) {
    this.expected = sha256Hex.flatMap(OperatorCredential::decode).orElse(null);
    if (expected == null) {
      LOG.warning(
          "planbok.operator.token-sha256 is not set to 64 hex digits: operator access is off");
    }
  }

  /** For CDI's proxy. */
  protected OperatorCredential() {
    this.expected = null;
  }

  public boolean isConfigured() {
    return expected != null;
  }

  /** Whether {@code presented} is the operator token, compared by hash in constant time. */
  public boolean verify(CharSequence presented) {
    if (expected == null || presented == null || presented.length() == 0) {
      return false;
    }
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(presented));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      byte[] actual = MessageDigest.getInstance("SHA-256").digest(bytes);
      return MessageDigest.isEqual(expected, actual);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  static Optional<byte[]> decode(String hex) {
    String h = hex.trim();
    if (!h.matches("[0-9a-fA-F]{64}")) {
      return Optional.empty();
    }
    return Optional.of(HexFormat.of().parseHex(h.toLowerCase()));
  }
}
