package org.planbok.kit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.hpke.HPKE;

/**
 * Opens a wallet export (v2) on the customer's device. No node ever holds the whole key: Node 2
 * seals its share masked by a fresh ρ, {@code m2 = xA + ρ}, and Node 1 seals {@code m1 = xB + t −
 * ρ}, each to the device's {@link DeviceKey} with RFC 9180 HPKE base mode, DHKEM(X25519,
 * HKDF-SHA256), HKDF-SHA256, AES-256-GCM:
 *
 * <ul>
 *   <li>{@code hpke} (Node 1): info {@value #NODE1_INFO}, aad the wallet id; plaintext JSON {@code
 *       {"chain","address","format","curve","keyId","path","publicKey","part"[,"seedPart"]}}
 *       ({@link Node1Part});
 *   <li>{@code node2Hpke} (Node 2): info {@value #NODE2_INFO}, aad {@code "keyId:path"}; plaintext
 *       {@code 0x01 ‖ curve (1 secp256k1, 2 ed25519) ‖ m2 (32 bytes big-endian)}, or {@code 0x02 ‖
 *       0x02 ‖ m2 ‖ seedPart} ({@link Node2Part}).
 * </ul>
 *
 * The device adds {@code x = m1 + m2 mod n}, checks that {@code x·G} is the wallet's public key and
 * that the key's address on the chain is the wallet's address. An ed25519 key made from a seed and
 * exported at its root comes with a seed part from each node; the device joins them into the seed
 * and checks that RFC 8032 makes x of it ({@link Ed25519Seed}). Only then it formats x, or the
 * seed, as {@link KeyForms} says. The result is the v1 plaintext {@code
 * {"chain","address","format", "privateKey"}} (ed25519 also {@code "publicKey"}): the whole private
 * key. Show it to the customer, never log it, and zero the returned array when done.
 */
public final class ExportOpener {
  public static final String NODE1_INFO = "planbok/export/v2/node1";
  public static final String NODE2_INFO = "planbok/export/v2/node2";

  private static final BigInteger SECP256K1_N = CustomNamedCurves.getByName("secp256k1").getN();

  private ExportOpener() {}

  /**
   * The plaintext of an export of the wallet {@code walletId} (the one you asked to export).
   *
   * @throws IllegalArgumentException if the export is not for that wallet, not in Planbok's suite,
   *     malformed, its parts do not add up to the wallet's key, its seed parts do not make that
   *     key, or its format needs a seed it does not carry
   * @throws AEADBadTagException if a part was not sealed to this device key, or was altered
   */
  public static byte[] open(String walletId, ExportResponse response, DeviceKey deviceKey)
      throws AEADBadTagException {
    return open(walletId, response.address(), response, deviceKey);
  }

  /**
   * As {@link #open(String, ExportResponse, DeviceKey)}, and the key must be that of {@code
   * walletAddress}, the address the app showed the customer (from the wallet JSON it kept). Node 1
   * knows its mask ρ and the public half of Node 2's share, so on its own word alone it could shift
   * the key and name the shifted key's public key and address; the address the customer knows is
   * what such a shift cannot match.
   */
  public static byte[] open(
      String walletId, String walletAddress, ExportResponse response, DeviceKey deviceKey)
      throws AEADBadTagException {
    if (!response.address().equals(walletAddress)) {
      throw new IllegalArgumentException(
          "the export is of address " + response.address() + ", not " + walletAddress);
    }
    if (!response.walletId().equals(walletId) || !response.hpke().aad().equals(walletId)) {
      throw new IllegalArgumentException(
          "the export is sealed for wallet " + response.hpke().aad() + ", not " + walletId);
    }
    byte[] node1Plain = openPart(response.hpke(), NODE1_INFO, walletId, deviceKey);
    Node1Part node1;
    try {
      node1 = Node1Part.parse(node1Plain);
    } finally {
      Arrays.fill(node1Plain, (byte) 0);
    }
    try {
      return open(response, node1, deviceKey);
    } finally {
      zero(node1.seedPart);
    }
  }

  private static byte[] open(ExportResponse response, Node1Part node1, DeviceKey deviceKey)
      throws AEADBadTagException {
    String chain = node1.get("chain");
    String curve = node1.get("curve");
    requireSame("chain", response.chain(), chain);
    requireSame("address", response.address(), node1.get("address"));
    requireSame("format", response.format(), node1.get("format"));
    requireSame("curve", ChainAddresses.curveOf(chain), curve);
    if (!KeyForms.fits(response.format(), curve, chain)) {
      throw new IllegalArgumentException(
          response.format() + " is not an export form of a " + chain + " key");
    }
    String node2Aad = node1.get("keyId") + ":" + node1.get("path");
    if (!response.node2Hpke().aad().equals(node2Aad)) {
      throw new IllegalArgumentException(
          "Node 2's part is sealed for " + response.node2Hpke().aad() + ", not " + node2Aad);
    }
    byte[] node2Plain = openPart(response.node2Hpke(), NODE2_INFO, node2Aad, deviceKey);
    Node2Part node2;
    try {
      node2 = Node2Part.parse(node2Plain, curve);
    } finally {
      Arrays.fill(node2Plain, (byte) 0);
    }
    byte[] seed = null;
    try {
      requireSeedPartsFit(node1, node2, curve, response.format());
      BigInteger x = sum(curve, node1.m1, node2.m2);
      byte[] publicKey = node1.publicKey();
      requireKeyOf(curve, x, publicKey);
      if (!ChainAddresses.of(chain, publicKey).contains(response.address())) {
        throw new IllegalArgumentException(
            "the opened key's address on " + chain + " is not " + response.address());
      }
      if (node1.seedPart != null) {
        seed = Ed25519Seed.join(node1.seedPart, node2.seedPart, x);
      }
      return KeyForms.json(chain, response.address(), response.format(), x, publicKey, seed);
    } finally {
      zero(node2.seedPart);
      zero(seed);
    }
  }

  // Seed parts come from both nodes or from neither, only for an ed25519 key at its root (issue
  // 13: the seed makes the root key; a child's key is the root's plus a tweak), and a form that
  // writes the seed needs them.
  private static void requireSeedPartsFit(
      Node1Part node1, Node2Part node2, String curve, String format) {
    boolean fromNode1 = node1.seedPart != null;
    boolean fromNode2 = node2.seedPart != null;
    if (fromNode1 != fromNode2) {
      throw new IllegalArgumentException(
          fromNode1
              ? "Node 1 sent a seed part and Node 2 none"
              : "Node 2 sent a seed part and Node 1 none");
    }
    String path = node1.get("path");
    if (fromNode1 && !(curve.equals("ed25519") && (path.equals("m") || path.isEmpty()))) {
      throw new IllegalArgumentException(
          "seed parts are only for the root (path m) of an ed25519 key, not " + curve + " " + path);
    }
    if (!fromNode1 && KeyForms.needsSeed(format)) {
      throw new IllegalArgumentException(
          "this key has no seed: it was made before seed keys, or the wallet is not index 0");
    }
  }

  // x = m1 + m2 mod n, both parts canonical (below n), x not zero
  private static BigInteger sum(String curve, BigInteger m1, BigInteger m2) {
    BigInteger n = curve.equals("secp256k1") ? SECP256K1_N : Ed25519Base.L;
    if (m1.compareTo(n) >= 0 || m2.compareTo(n) >= 0) {
      throw new IllegalArgumentException("a part is not a scalar below the curve's order");
    }
    BigInteger x = m1.add(m2).mod(n);
    if (x.signum() == 0) {
      throw new IllegalArgumentException("the parts add up to zero");
    }
    return x;
  }

  private static void zero(byte[] secret) {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static void requireKeyOf(String curve, BigInteger x, byte[] publicKey) {
    byte[] actual =
        curve.equals("secp256k1")
            ? CustomNamedCurves.getByName("secp256k1")
                .getG()
                .multiply(x)
                .normalize()
                .getEncoded(true)
            : Ed25519Base.multiply(x);
    if (!MessageDigest.isEqual(actual, publicKey)) {
      throw new IllegalArgumentException(
          "the two parts do not add up to the wallet's key " + KeyForms.hex(publicKey));
    }
  }

  private static void requireSame(String field, String response, String sealed) {
    if (!response.equals(sealed)) {
      throw new IllegalArgumentException(
          "the response's " + field + " is " + response + " but Node 1 sealed " + sealed);
    }
  }

  /** RFC 9180 §6.1 OpenBase: SetupBaseR(enc, skR, info) then ContextR.Open(aad, ct), seq 0. */
  private static byte[] openPart(SealedExport sealed, String info, String aad, DeviceKey deviceKey)
      throws AEADBadTagException {
    if (sealed.kem() != HPKE.kem_X25519_SHA256
        || sealed.kdf() != HPKE.kdf_HKDF_SHA256
        || sealed.aead() != HPKE.aead_AES_GCM256
        || !sealed.info().equals(info)) {
      throw new IllegalArgumentException(
          "not Planbok's export suite: kem "
              + sealed.kem()
              + ", kdf "
              + sealed.kdf()
              + ", aead "
              + sealed.aead()
              + ", info "
              + sealed.info()
              + " (expected "
              + info
              + ")");
    }
    byte[] enc = base64Url(sealed.enc(), "enc");
    if (enc.length != 32) {
      throw new IllegalArgumentException("enc must be a 32-byte X25519 public key");
    }
    byte[] ciphertext = base64Url(sealed.ciphertext(), "ciphertext");
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    try {
      return hpke.open(
          enc,
          deviceKey.keyPair(),
          info.getBytes(StandardCharsets.US_ASCII),
          aad.getBytes(StandardCharsets.UTF_8),
          ciphertext,
          null,
          null,
          null);
    } catch (InvalidCipherTextException | IllegalStateException e) {
      // IllegalStateException: BouncyCastle's X25519 refuses a small-order enc (RFC 9180 §7.1.4).
      throw new AEADBadTagException(
          "the export does not open: not sealed to this device key, or altered (" + info + ")");
    }
  }

  private static byte[] base64Url(String text, String field) {
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not base64url");
    }
  }
}
