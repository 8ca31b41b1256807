package org.planbok.atrest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Node 1's database key: 32 random bytes that are never in Node 1's database, from {@code
 * planbok.node1.database-key} (base64) or {@code planbok.node1.database-key-file} (a file holding
 * that base64). Without it Node 1 does not deploy.
 *
 * <p>Everything Node 1 stores that is derived from a secret, or that must not be read from a copy
 * of the database, goes through it (DESIGN §5: "nothing derived from a secret is stored without a
 * key held outside that database"): request fingerprints and recovery-code verifiers are HMACs, the
 * console passwords' pepper is an HMAC, chain codes are sealed. Each use has a key of its own,
 * {@code HKDF-SHA256(ikm = database key, info = use label)} (RFC 5869), and the key itself is used
 * for nothing else. Losing the key loses what it protects (idempotency records, open recovery
 * codes, console passwords, chain codes): back it up with the database, but never in it.
 */
@ApplicationScoped
public class DatabaseKey {
  static final String KEY = "planbok.node1.database-key";
  static final String KEY_FILE = "planbok.node1.database-key-file";
  public static final int LENGTH = 32;
  private static final byte FORMAT = 1;
  private static final int ID = 4;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<AtRest, byte[]> keys = new EnumMap<>(AtRest.class);
  private byte[] id;

  DatabaseKey() {
    // for the CDI proxy
  }

  @Inject
  DatabaseKey(
      @ConfigProperty(name = KEY) Optional<String> key,
      @ConfigProperty(name = KEY_FILE) Optional<String> keyFile) {
    this(read(key, keyFile));
  }

  private DatabaseKey(byte[] key) {
    try {
      for (AtRest use : AtRest.values()) {
        keys.put(use, hkdf(key, use.label()));
      }
      id = Arrays.copyOf(hkdf(key, "planbok/node1/at-rest/key-id"), ID);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** For tests and tools: a key given directly (copied, the argument is not kept). */
  public static DatabaseKey of(byte[] key) {
    return new DatabaseKey(check("the database key", key.clone()));
  }

  /** 4 bytes naming this key in what it sealed; derived from the key, so it proves nothing. */
  public byte[] id() {
    return id.clone();
  }

  /**
   * HMAC-SHA256 under the use's key over the parts, each preceded by its length (4 bytes, big
   * endian), so no two different lists of parts share an input.
   */
  public byte[] mac(AtRest use, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.get(use), "HmacSHA256"));
      for (byte[] part : parts) {
        int n = part.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /**
   * AES-256-GCM under the use's key: {@code format ‖ key id ‖ 12-byte random nonce ‖ ciphertext ‖
   * tag}. The associated data is the use, the key id and {@code context} (what the value is and
   * whose), so a blob copied into another row or column does not open.
   */
  public byte[] seal(AtRest use, byte[] plaintext, byte[] context) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.get(use), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(associatedData(use, context));
      byte[] sealed = gcm.doFinal(plaintext);
      byte[] out = new byte[1 + ID + NONCE + sealed.length];
      out[0] = FORMAT;
      System.arraycopy(id, 0, out, 1, ID);
      System.arraycopy(nonce, 0, out, 1 + ID, NONCE);
      System.arraycopy(sealed, 0, out, 1 + ID + NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * What {@link #seal} sealed; an {@link IllegalStateException} (without any of the blob) when it
   * was sealed under another database key, for another use or context, or was changed.
   */
  public byte[] open(AtRest use, byte[] blob, byte[] context) {
    if (blob == null || blob.length < 1 + ID + NONCE + TAG_BITS / 8 || blob[0] != FORMAT) {
      throw new IllegalStateException("a sealed " + use + " value is malformed");
    }
    if (!MessageDigest.isEqual(Arrays.copyOfRange(blob, 1, 1 + ID), id)) {
      throw new IllegalStateException(
          "a "
              + use
              + " value is sealed under another database key (is "
              + KEY_FILE
              + " the one this database was made with?)");
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(keys.get(use), "AES"),
          new GCMParameterSpec(TAG_BITS, blob, 1 + ID, NONCE));
      gcm.updateAAD(associatedData(use, context));
      return gcm.doFinal(blob, 1 + ID + NONCE, blob.length - 1 - ID - NONCE);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("a sealed " + use + " value does not authenticate");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private byte[] associatedData(AtRest use, byte[] context) {
    byte[] label = use.label().getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[label.length + 1 + ID + context.length];
    System.arraycopy(label, 0, out, 0, label.length);
    System.arraycopy(id, 0, out, label.length + 1, ID);
    System.arraycopy(context, 0, out, label.length + 1 + ID, context.length);
    return out;
  }

  private static byte[] hkdf(byte[] key, String label) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(key, null, label.getBytes(StandardCharsets.US_ASCII)));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  static byte[] read(Optional<String> value, Optional<String> file) {
    if (value.isPresent() && file.isPresent()) {
      throw new IllegalStateException("set either " + KEY + " or " + KEY_FILE + ", not both");
    }
    if (value.isPresent()) {
      return decode(KEY, value.get());
    }
    if (file.isPresent()) {
      Path path = Path.of(file.get());
      byte[] text;
      try {
        text = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new IllegalStateException(
            KEY_FILE + ": cannot read the database key file " + path + " (" + e + ")");
      }
      try {
        return decode(KEY_FILE, new String(text, StandardCharsets.US_ASCII));
      } finally {
        Arrays.fill(text, (byte) 0);
      }
    }
    throw new IllegalStateException(
        "Node 1 has no database key: set "
            + KEY
            + " (base64 of 32 random bytes, kept outside Node 1's database) or "
            + KEY_FILE
            + " (a file holding it; scripts/servers.sh makes <data>/node1/database.key),"
            + " e.g. as PLANBOK_NODE1_DATABASE_KEY_FILE");
  }

  private static byte[] decode(String name, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(name + " is not base64");
    }
    return check(name, key);
  }

  private static byte[] check(String name, byte[] key) {
    if (key.length != LENGTH) {
      Arrays.fill(key, (byte) 0);
      throw new IllegalStateException(name + " must be base64 of exactly " + LENGTH + " bytes");
    }
    return key;
  }

  @Override
  public String toString() {
    return "DatabaseKey[id=" + java.util.HexFormat.of().formatHex(id) + ", redacted]";
  }
}
