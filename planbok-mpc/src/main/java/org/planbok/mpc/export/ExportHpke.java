package org.planbok.mpc.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

/**
 * The one HPKE suite of exports (RFC 9180 §6.1 single-shot, base mode): DHKEM(X25519, HKDF-SHA256)
 * 0x0020, HKDF-SHA256 0x0001, AES-256-GCM 0x0002, on BouncyCastle. The device seals its export
 * authorization to Node 2's export key with it, and each node seals its part of the key to the
 * device with it. Sealed bytes on the wire are {@code enc (32) ‖ ciphertext}.
 */
public final class ExportHpke {
  public static final String SUITE = "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM";
  public static final int KEM = 0x0020;
  public static final int KDF = 0x0001;
  public static final int AEAD = 0x0002;
  public static final int KEY_BYTES = 32;
  public static final int ENC_BYTES = 32;

  /** HPKE info of the device's authorization, sealed to Node 2's export key. */
  public static final String AUTHORIZATION_INFO = "planbok/export-authorization/v1";

  /** HPKE info of Node 2's part, sealed by Node 2 to the device key. */
  public static final String NODE2_INFO = "planbok/export/v2/node2";

  /** HPKE info of Node 1's part, sealed by Node 1 to the device key. */
  public static final String NODE1_INFO = "planbok/export/v2/node1";

  /** AES-256-GCM's tag: the shortest ciphertext. */
  public static final int TAG_BYTES = 16;

  private ExportHpke() {}

  private static HPKE hpke() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  /**
   * The recipient's public key, refused ({@code INVALID_POINT}) unless it is 32 bytes and not a
   * low-order point (which would give an all-zero shared secret, RFC 7748 §6.1).
   */
  public static AsymmetricKeyParameter recipient(byte[] publicKey) {
    if (publicKey == null || publicKey.length != KEY_BYTES) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "an X25519 public key is 32 bytes");
    }
    HPKE hpke = hpke();
    try {
      AsymmetricKeyParameter key = hpke.deserializePublicKey(publicKey);
      hpke.seal(key, new byte[0], new byte[0], new byte[1], null, null, null);
      return key;
    } catch (RuntimeException | InvalidCipherTextException e) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "not a usable X25519 public key");
    }
  }

  /** Seals {@code plaintext} to the recipient: {@code enc ‖ ciphertext}. */
  public static byte[] seal(
      AsymmetricKeyParameter recipient, String info, byte[] aad, byte[] plaintext) {
    try {
      byte[][] out =
          hpke()
              .seal(
                  recipient,
                  info.getBytes(StandardCharsets.US_ASCII),
                  aad,
                  plaintext,
                  null,
                  null,
                  null);
      byte[] sealed = Arrays.copyOf(out[1], out[1].length + out[0].length);
      System.arraycopy(out[0], 0, sealed, out[1].length, out[0].length);
      return sealed;
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE sealing failed", e);
    }
  }

  /** The X25519 key pair of a 32-byte private key (clamped by X25519 itself, RFC 7748 §5). */
  public static AsymmetricCipherKeyPair keyPair(byte[] privateKey) {
    X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(privateKey, 0);
    return new AsymmetricCipherKeyPair(sk.generatePublicKey(), sk);
  }

  /** The 32-byte public key of a key pair. */
  public static byte[] publicKey(AsymmetricCipherKeyPair pair) {
    return hpke().serializePublicKey(pair.getPublic());
  }

  /**
   * Opens {@code enc ‖ ciphertext} with the recipient's key pair; throws {@link
   * InvalidCipherTextException} when it was not sealed to it with this info and aad, or is too
   * short.
   */
  public static byte[] open(
      AsymmetricCipherKeyPair recipient, String info, byte[] aad, byte[] sealed)
      throws InvalidCipherTextException {
    if (sealed == null || sealed.length < ENC_BYTES + TAG_BYTES) {
      throw new InvalidCipherTextException("too short to be sealed");
    }
    try {
      return hpke()
          .open(
              Arrays.copyOf(sealed, ENC_BYTES),
              recipient,
              info.getBytes(StandardCharsets.US_ASCII),
              aad,
              Arrays.copyOfRange(sealed, ENC_BYTES, sealed.length),
              null,
              null,
              null);
    } catch (RuntimeException e) {
      // a low-order enc fails inside the KEM, not as a bad tag
      throw new InvalidCipherTextException("not sealed to this key");
    }
  }
}
