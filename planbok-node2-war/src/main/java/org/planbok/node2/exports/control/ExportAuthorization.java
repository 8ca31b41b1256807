package org.planbok.node2.exports.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;

/**
 * What a device sealed into an export authorization (docs/api-guide.md, exports): the
 * length-prefixed fields {@code ["planbok/export-authorization/v1", pinKey (32), device public key
 * (32), key id, path]}. The PIN key is secret: {@link #close()} zeroes it and {@link #toString()}
 * never shows it.
 */
final class ExportAuthorization implements AutoCloseable {
  static final String LABEL = "planbok/export-authorization/v1";
  static final int PIN_KEY_BYTES = 32;
  static final int DEVICE_KEY_BYTES = 32;
  static final int MAX_TEXT = 256;

  private final byte[] pinKey;
  private final byte[] deviceKey;
  private final String keyId;
  private final String path;

  private ExportAuthorization(byte[] pinKey, byte[] deviceKey, String keyId, String path) {
    this.pinKey = pinKey;
    this.deviceKey = deviceKey;
    this.keyId = keyId;
    this.path = path;
  }

  /** Parses the opened plaintext strictly; null when it is not an authorization of this form. */
  static ExportAuthorization parse(byte[] plaintext) {
    byte[] pinKey = null;
    try {
      WireReader in = new WireReader(plaintext);
      byte[] label = in.bytes(MAX_TEXT);
      if (!Arrays.equals(label, LABEL.getBytes(StandardCharsets.UTF_8))) {
        return null;
      }
      pinKey = in.fixedBytes(PIN_KEY_BYTES);
      byte[] deviceKey = in.fixedBytes(DEVICE_KEY_BYTES);
      String keyId = in.text(MAX_TEXT);
      String path = in.text(MAX_TEXT);
      in.end();
      return new ExportAuthorization(pinKey, deviceKey, keyId, path);
    } catch (ProtocolAbort e) {
      if (pinKey != null) {
        Arrays.fill(pinKey, (byte) 0);
      }
      return null;
    }
  }

  /** The key itself, not a copy: zeroed by {@link #close()}. */
  byte[] pinKey() {
    return pinKey;
  }

  boolean names(byte[] device, String key, String derivationPath) {
    return Arrays.equals(deviceKey, device) && keyId.equals(key) && path.equals(derivationPath);
  }

  @Override
  public void close() {
    Arrays.fill(pinKey, (byte) 0);
  }

  @Override
  public String toString() {
    return "ExportAuthorization[key " + keyId + ", path " + path + ", PIN key redacted]";
  }
}
