package org.planbok.kit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.planbok.mpc.group.Secp256k1;

/**
 * Exports v2 sealed by BouncyCastle's HPKE the way Planbok's nodes seal them (EXPORT-SPEC): a key x
 * split as m1 + m2 with a random m2, Node 1's JSON part and Node 2's byte part each sealed to the
 * device: the independent implementation both kits must open. The keys are published vectors:
 * web3.js's documentation key (Ethereum), the private key 1 of BIP 173's P2WPKH example (Bitcoin),
 * and RFC 8032 §7.1 TEST 1 (Solana, NEAR). Keys made from a seed (issue 13) are sealed as the nodes
 * seal them at the key's root: the scalar in two masked parts, and the seed in two parts masked by
 * one μ, Node 2's in its version 2 part and Node 1's as {@code "seedPart"}.
 */
final class Exports {
  static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();
  static final BigInteger ED25519_L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  /** A wallet's key with what the export v1 plaintext of it was, in its default format. */
  record Key(
      String chain,
      String address,
      String format,
      String curve,
      String publicKeyHex,
      BigInteger x,
      String plaintext) {
    byte[] publicKey() {
      return HexFormat.of().parseHex(publicKeyHex);
    }

    BigInteger order() {
      return curve.equals("secp256k1") ? Secp256k1.N : ED25519_L;
    }

    Key withChainAddress(String chain, String address, String format, String plaintext) {
      return new Key(chain, address, format, curve, publicKeyHex, x, plaintext);
    }
  }

  static final Key ETHEREUM =
      new Key(
          "ethereum",
          "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23",
          "hex",
          "secp256k1",
          HexFormat.of()
              .formatHex(
                  Secp256k1.INSTANCE.encode(
                      Secp256k1.INSTANCE.multiplyGenerator(
                          new BigInteger(
                              "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
                              16)))),
          new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16),
          "{\"chain\":\"ethereum\",\"address\":\"0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\","
              + "\"format\":\"hex\",\"privateKey\":"
              + "\"0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318\"}");

  static final Key BITCOIN =
      new Key(
          "bitcoin",
          "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
          "wif",
          "secp256k1",
          "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
          BigInteger.ONE,
          "{\"chain\":\"bitcoin\",\"address\":\"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\","
              + "\"format\":\"wif\",\"privateKey\":"
              + "\"KwDiBf89QgGbjEhKnhXJuH7LrciVrZi3qYjgd9M7rFU73sVHnoWn\"}");

  /** RFC 8032 TEST 1: the scalar is clamp(SHA-512(seed)[0..32]) reduced mod ℓ (same point). */
  static final Key SOLANA =
      new Key(
          "solana",
          "FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z",
          "ed25519-expanded",
          "ed25519",
          "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
          new BigInteger(
                  "36144925721603087658594284515452164870581325872720374094707712194495455132720")
              .mod(ED25519_L),
          "{\"chain\":\"solana\",\"address\":\"FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z\","
              + "\"format\":\"ed25519-expanded\",\"privateKey\":\""
              + "7c2cac12e69be96ae9065065462385e8fcff2768d980c0a3a520f006904de90f"
              + "c8534de59b07e5a1c32793dd7bad913096a24849fd2eab008e0b0dc6b94311b0"
              + "\",\"publicKey\":\""
              + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
              + "\"}");

  static final String KEY_ID = "5b0f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e";
  static final String PATH = "m/44/60/0/0/3";

  /** The path of a key's root, the one path a seed is exported at. */
  static final String ROOT = "m";

  /** RFC 8032 §7.1 TEST 1's secret key: the seed of {@link #SOLANA}. */
  static final byte[] TEST1_SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  /** What the nodes seal of a seed key: x's parts m1 and m2, and the seed parts s1 ⊕ μ, s2 ⊕ μ. */
  record SeedParts(BigInteger m1, BigInteger m2, byte[] seedPart1, byte[] seedPart2) {}

  private Exports() {}

  /** A random mask m2 in [1, n), as Node 2's xA + ρ is to the device. */
  static BigInteger randomMask(Key key) {
    BigInteger m;
    do {
      m = new BigInteger(key.order().bitLength(), RANDOM);
    } while (m.signum() == 0 || m.compareTo(key.order()) >= 0);
    return m;
  }

  /**
   * An ed25519 key made from a seed (issue 13) on chain (solana or near), to export in format: its
   * public key as BouncyCastle derives it from the seed, its scalar RFC 8032 §5.1.5's clamp of
   * SHA-512(seed) reduced mod ℓ. Its plaintext is empty: tests read the seed forms back instead.
   */
  static Key seeded(String chain, String format, byte[] seed) {
    byte[] publicKey = new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
    String address =
        chain.equals("solana") ? Base58.encode(publicKey) : HexFormat.of().formatHex(publicKey);
    return new Key(
        chain, address, format, "ed25519", HexFormat.of().formatHex(publicKey), scalar(seed), "");
  }

  // RFC 8032 §5.1.5 steps 1 and 2, then mod ℓ
  static BigInteger scalar(byte[] seed) {
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-512").digest(seed);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    h[0] &= (byte) 248;
    h[31] &= 127;
    h[31] |= 64;
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = h[31 - i];
    }
    return new BigInteger(1, bigEndian).mod(ED25519_L);
  }

  /**
   * The parts of a seed key as the nodes make them: x = xA + xB (Node 2, Node 1) with a random ρ,
   * m2 = xA + ρ and m1 = xB − ρ; the seed s = s1 ⊕ s2 with a random μ, s1 ⊕ μ and s2 ⊕ μ.
   */
  static SeedParts split(Key key, byte[] seed) {
    BigInteger n = key.order();
    BigInteger xA = randomMask(key);
    BigInteger xB = key.x().subtract(xA).mod(n);
    BigInteger rho = randomMask(key);
    byte[] s1 = randomBytes(32);
    byte[] mu = randomBytes(32);
    byte[] part1 = new byte[32];
    byte[] part2 = new byte[32];
    for (int i = 0; i < 32; i++) {
      part1[i] = (byte) (s1[i] ^ mu[i]);
      part2[i] = (byte) (seed[i] ^ s1[i] ^ mu[i]); // s2 ⊕ μ, s2 = s ⊕ s1
    }
    return new SeedParts(xB.subtract(rho).mod(n), xA.add(rho).mod(n), part1, part2);
  }

  /** The export endpoint's v2 answer for a seed key's root, with both seed parts. */
  static JsonObject seededResponse(String walletId, Key key, byte[] seed, byte[] devicePublicKey) {
    return seededResponse(walletId, key, split(key, seed), devicePublicKey);
  }

  static JsonObject seededResponse(
      String walletId, Key key, SeedParts parts, byte[] devicePublicKey) {
    return response(
        walletId,
        key,
        ROOT,
        node1Json(key, ROOT, parts.m1()).add("seedPart", hex(parts.seedPart1())).build().toString(),
        node2(key, parts.m2(), parts.seedPart2()),
        devicePublicKey);
  }

  /** The export endpoint's v2 answer for the wallet, its key split with a random mask. */
  static JsonObject response(String walletId, Key key, byte[] devicePublicKey) {
    BigInteger m2 = randomMask(key);
    return response(walletId, key, m2, key.x().subtract(m2).mod(key.order()), devicePublicKey);
  }

  /** The same with the parts given, and Node 1's JSON as the spec writes it. */
  static JsonObject response(
      String walletId, Key key, BigInteger m2, BigInteger m1, byte[] devicePublicKey) {
    return response(
        walletId, key, node1Json(key, m1).build().toString(), node2(key, m2), devicePublicKey);
  }

  static JsonObjectBuilder node1Json(Key key, BigInteger m1) {
    return node1Json(key, PATH, m1);
  }

  static JsonObjectBuilder node1Json(Key key, String path, BigInteger m1) {
    return Json.createObjectBuilder()
        .add("chain", key.chain())
        .add("address", key.address())
        .add("format", key.format())
        .add("curve", key.curve())
        .add("keyId", KEY_ID)
        .add("path", path)
        .add("publicKey", key.publicKeyHex())
        .add("part", hex32(m1));
  }

  static byte[] node2(Key key, BigInteger m2) {
    byte[] out = new byte[34];
    out[0] = 0x01;
    out[1] = (byte) (key.curve().equals("secp256k1") ? 1 : 2);
    byte[] m = HexFormat.of().parseHex(hex32(m2));
    System.arraycopy(m, 0, out, 2, 32);
    return out;
  }

  /** Node 2's version 2 part: 0x02 ‖ curve ‖ m2 ‖ seedPart (66 bytes). */
  static byte[] node2(Key key, BigInteger m2, byte[] seedPart) {
    byte[] v1 = node2(key, m2);
    byte[] out = java.util.Arrays.copyOf(v1, 66);
    out[0] = 0x02;
    System.arraycopy(seedPart, 0, out, 34, 32);
    return out;
  }

  static JsonObject response(
      String walletId, Key key, String node1Json, byte[] node2Plain, byte[] devicePublicKey) {
    return response(walletId, key, PATH, node1Json, node2Plain, devicePublicKey);
  }

  static JsonObject response(
      String walletId,
      Key key,
      String path,
      String node1Json,
      byte[] node2Plain,
      byte[] devicePublicKey) {
    return Json.createObjectBuilder()
        .add("walletId", walletId)
        .add("chain", key.chain())
        .add("address", key.address())
        .add("format", key.format())
        .add(
            "hpke",
            sealed(
                devicePublicKey,
                ExportOpener.NODE1_INFO,
                walletId,
                node1Json.getBytes(StandardCharsets.UTF_8)))
        .add(
            "node2Hpke",
            sealed(devicePublicKey, ExportOpener.NODE2_INFO, KEY_ID + ":" + path, node2Plain))
        .build();
  }

  static JsonObjectBuilder sealed(byte[] devicePublicKey, String info, String aad, byte[] pt) {
    byte[][] sealed = seal(devicePublicKey, info, aad, pt);
    return Json.createObjectBuilder()
        .add("suite", "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM")
        .add("kem", 32)
        .add("kdf", 1)
        .add("aead", 2)
        .add("info", info)
        .add("aad", aad)
        .add("enc", B64URL.encodeToString(sealed[1]))
        .add("ciphertext", B64URL.encodeToString(sealed[0]));
  }

  /** RFC 9180 SealBase as BouncyCastle does it: {ciphertext, enc}. */
  static byte[][] seal(byte[] devicePublicKey, String info, String aad, byte[] plaintext) {
    HPKE hpke =
        new HPKE(
            HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    try {
      return hpke.seal(
          hpke.deserializePublicKey(devicePublicKey),
          info.getBytes(StandardCharsets.UTF_8),
          aad.getBytes(StandardCharsets.UTF_8),
          plaintext,
          null,
          null,
          null);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The answer's JSON as the Java kit takes it. */
  static ExportResponse exportResponse(JsonObject response) {
    return new ExportResponse(
        response.getString("walletId"),
        response.getString("chain"),
        response.getString("address"),
        response.getString("format"),
        sealedExport(response.getJsonObject("hpke")),
        sealedExport(response.getJsonObject("node2Hpke")));
  }

  static SealedExport sealedExport(JsonObject h) {
    return new SealedExport(
        h.getInt("kem"),
        h.getInt("kdf"),
        h.getInt("aead"),
        h.getString("info"),
        h.getString("aad"),
        h.getString("enc"),
        h.getString("ciphertext"));
  }

  static byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    RANDOM.nextBytes(out);
    return out;
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hex32(BigInteger m) {
    String hex = m.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }
}
