package org.planbok.node2.sealing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Node 2's master keys from MicroProfile Config: the current one ({@code planbok.node2.master-key},
 * base64 of 32 bytes, or {@code planbok.node2.master-key-file}, a file holding that base64) and,
 * while a rotation is under way, the previous one ({@code planbok.node2.master-key-previous} or
 * {@code planbok.node2.master-key-previous-file}) that only unseals. Without a current key the bean
 * cannot be built and Node 2 refuses to deploy with a message naming the keys to set; error
 * messages never contain key material.
 */
@ApplicationScoped
public class MasterKeys {
  static final String KEY = "planbok.node2.master-key";
  static final String KEY_FILE = "planbok.node2.master-key-file";
  static final String PREVIOUS = "planbok.node2.master-key-previous";
  static final String PREVIOUS_FILE = "planbok.node2.master-key-previous-file";

  private MasterKey current;
  private MasterKey previous;

  MasterKeys() {
    // for the CDI proxy
  }

  @Inject
  MasterKeys(
      @ConfigProperty(name = KEY) Optional<String> key,
      @ConfigProperty(name = KEY_FILE) Optional<String> keyFile,
      @ConfigProperty(name = PREVIOUS) Optional<String> previousKey,
      @ConfigProperty(name = PREVIOUS_FILE) Optional<String> previousKeyFile) {
    this(
        read(KEY, key, KEY_FILE, keyFile)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Node 2 has no master key: set "
                            + KEY
                            + " (base64 of 32 random bytes) or "
                            + KEY_FILE
                            + " (a file holding it; scripts/servers.sh makes one under"
                            + " <data>/node2/master.key), e.g. as PLANBOK_NODE2_MASTER_KEY_FILE")),
        read(PREVIOUS, previousKey, PREVIOUS_FILE, previousKeyFile).orElse(null));
  }

  private MasterKeys(byte[] current, byte[] previous) {
    try {
      this.current = new MasterKey(current);
      if (previous != null) {
        MasterKey old = new MasterKey(previous);
        if (old.sameKeyAs(this.current)) {
          old.destroy();
        } else if (old.id() == this.current.id()) {
          throw new IllegalStateException(
              "the previous and the current master key have the same key id byte (a 1 in 256"
                  + " chance): generate another current master key");
        } else {
          this.previous = old;
        }
      }
    } finally {
      Arrays.fill(current, (byte) 0);
      if (previous != null) {
        Arrays.fill(previous, (byte) 0);
      }
    }
  }

  /** For tests and tools: keys given directly (copied, the arguments are not kept). */
  public static MasterKeys of(byte[] current, byte[] previousOrNull) {
    return new MasterKeys(current.clone(), previousOrNull == null ? null : previousOrNull.clone());
  }

  /** The key that seals. */
  public MasterKey current() {
    return current;
  }

  /** The keys that still verify or unseal: the current one first, then the previous one. */
  public List<MasterKey> accepted() {
    return previous == null ? List.of(current) : List.of(current, previous);
  }

  /** The key with this id, current or previous. */
  public Optional<MasterKey> byId(byte id) {
    if (current.id() == id) {
      return Optional.of(current);
    }
    if (previous != null && previous.id() == id) {
      return Optional.of(previous);
    }
    return Optional.empty();
  }

  private static Optional<byte[]> read(
      String valueKey, Optional<String> value, String fileKey, Optional<String> file) {
    if (value.isPresent() && file.isPresent()) {
      throw new IllegalStateException("set either " + valueKey + " or " + fileKey + ", not both");
    }
    if (value.isPresent()) {
      return Optional.of(decode(valueKey, value.get()));
    }
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      try {
        return Optional.of(
            decode(fileKey, new String(Files.readAllBytes(path), StandardCharsets.US_ASCII)));
      } catch (IOException e) {
        throw new IllegalStateException(
            fileKey + ": cannot read the master key file " + path + " (" + e + ")");
      }
    }
    return Optional.empty();
  }

  private static byte[] decode(String name, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64");
    }
    if (key.length != MasterKey.LENGTH) {
      Arrays.fill(key, (byte) 0);
      throw new IllegalStateException(
          name + " must be base64 of exactly " + MasterKey.LENGTH + " bytes");
    }
    return key;
  }
}
