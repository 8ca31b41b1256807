package org.planbok.kit;

import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.util.List;

/**
 * Exports of seed keys (issue 13) that both kits must refuse, each with words its refusal must
 * contain, sealed to a device: {@link ExportOpenerSeedTest} opens them with the Java kit, {@link
 * JavaScriptKitTest} with the browser kit.
 */
final class SeedRefusals {
  /** A response the kits must refuse, and what the refusal says. */
  record Refusal(String name, String why, JsonObject response) {}

  private SeedRefusals() {}

  static List<Refusal> all(String walletId, byte[] device) {
    return List.of(
        node1Only(walletId, device),
        node2Only(walletId, device),
        seedThatDoesNotMakeTheKey(walletId, device),
        version2PartOfASecp256k1Key(walletId, device),
        seedPartsBelowTheRoot(walletId, device),
        seedFormWithoutSeedParts(walletId, device),
        solanaKeypairOnNear(walletId, device),
        upperCaseSeedPart(walletId, device));
  }

  /** Node 1 sends a seed part, Node 2 a version 1 part. */
  static Refusal node1Only(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    return new Refusal(
        "node1Only",
        "Node 1 sent a seed part and Node 2 none",
        root(walletId, key, node1WithSeed(key, parts), Exports.node2(key, parts.m2()), device));
  }

  /** Node 2 sends a version 2 part, Node 1 no seed part (in a form that would ignore the seed). */
  static Refusal node2Only(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("near", "ed25519-expanded", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    return new Refusal(
        "node2Only",
        "Node 2 sent a seed part and Node 1 none",
        root(
            walletId,
            key,
            Exports.node1Json(key, Exports.ROOT, parts.m1()).build().toString(),
            Exports.node2(key, parts.m2(), parts.seedPart2()),
            device));
  }

  /** x's own parts, and one bit of Node 2's seed part flipped: the seed does not make x. */
  static Refusal seedThatDoesNotMakeTheKey(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts good = Exports.split(key, seed);
    byte[] flipped = good.seedPart2().clone();
    flipped[7] ^= 0x10;
    return new Refusal(
        "seedThatDoesNotMakeTheKey",
        "the seed does not make the wallet's key",
        Exports.seededResponse(
            walletId,
            key,
            new Exports.SeedParts(good.m1(), good.m2(), good.seedPart1(), flipped),
            device));
  }

  /** A secp256k1 key with a seed part from Node 1 and a version 2 part from Node 2. */
  static Refusal version2PartOfASecp256k1Key(String walletId, byte[] device) {
    Exports.Key key = Exports.ETHEREUM;
    Exports.SeedParts parts = Exports.split(key, Exports.randomBytes(32));
    return new Refusal(
        "version2PartOfASecp256k1Key",
        "not version 1 of a secp256k1 share",
        root(
            walletId,
            key,
            node1WithSeed(key, parts),
            Exports.node2(key, parts.m2(), parts.seedPart2()),
            device));
  }

  /** Both seed parts, for the child m/0: its key is the root's plus a tweak, not the seed's. */
  static Refusal seedPartsBelowTheRoot(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    String node1 =
        Exports.node1Json(key, "m/0", parts.m1())
            .add("seedPart", Exports.hex(parts.seedPart1()))
            .build()
            .toString();
    return new Refusal(
        "seedPartsBelowTheRoot",
        "seed parts are only for the root",
        Exports.response(
            walletId,
            key,
            "m/0",
            node1,
            Exports.node2(key, parts.m2(), parts.seedPart2()),
            device));
  }

  /** RFC 8032 TEST 1's key as a key made before seed keys has it (no seed parts), as NEAR's. */
  static Refusal seedFormWithoutSeedParts(String walletId, byte[] device) {
    Exports.Key key =
        Exports.SOLANA.withChainAddress("near", Exports.SOLANA.publicKeyHex(), "near-keypair", "");
    BigInteger m2 = Exports.randomMask(key);
    BigInteger m1 = key.x().subtract(m2).mod(key.order());
    return new Refusal(
        "seedFormWithoutSeedParts",
        "this key has no seed",
        root(
            walletId,
            key,
            Exports.node1Json(key, Exports.ROOT, m1).build().toString(),
            Exports.node2(key, m2),
            device));
  }

  /** A seed key of NEAR to be exported as a Solana keypair. */
  static Refusal solanaKeypairOnNear(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("near", "solana-keypair", seed);
    return new Refusal(
        "solanaKeypairOnNear",
        "solana-keypair is not an export form of a near key",
        Exports.seededResponse(walletId, key, seed, device));
  }

  /** Node 1's seed part with upper-case hex digits: the spec's seedPart is lower case. */
  static Refusal upperCaseSeedPart(String walletId, byte[] device) {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    String node1 =
        Exports.node1Json(key, Exports.ROOT, parts.m1())
            .add("seedPart", "AB" + Exports.hex(parts.seedPart1()).substring(2))
            .build()
            .toString();
    return new Refusal(
        "upperCaseSeedPart",
        "malformed",
        root(walletId, key, node1, Exports.node2(key, parts.m2(), parts.seedPart2()), device));
  }

  static String node1WithSeed(Exports.Key key, Exports.SeedParts parts) {
    return Exports.node1Json(key, Exports.ROOT, parts.m1())
        .add("seedPart", Exports.hex(parts.seedPart1()))
        .build()
        .toString();
  }

  private static JsonObject root(
      String walletId, Exports.Key key, String node1, byte[] node2, byte[] device) {
    return Exports.response(walletId, key, Exports.ROOT, node1, node2, device);
  }
}
