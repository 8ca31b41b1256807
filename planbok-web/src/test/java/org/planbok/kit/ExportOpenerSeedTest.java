package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * {@link ExportOpener} on exports of ed25519 keys made from a seed (issue 13), sealed as the nodes
 * seal them ({@link Exports#seededResponse}): the seed parts join into the seed that Phantom, the
 * Solana CLI and MyNearWallet import, read back here with BouncyCastle's RFC 8032 key from the seed
 * and a Base58 decoder that is not the kit's; seed parts that are one-sided, for another curve or
 * path, or that do not make the wallet's key are refused, and so is a seed form without a seed.
 */
class ExportOpenerSeedTest {
  private static final String WALLET = "3f1c2b7e-8a51-4c0e-9d7f-5b2a6e4c1d90";
  private static final Set<String> V1_MEMBERS =
      Set.of("chain", "address", "format", "privateKey", "publicKey");
  private final DeviceKey device = DeviceKey.generate();

  @Test
  void opensASeedKeyAsPhantomsSolanaKeypair() throws Exception {
    for (byte[] seed : seeds()) {
      Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
      JsonObject opened = open(Exports.seededResponse(WALLET, key, seed, device.publicKey()));
      assertV1(key, opened);
      assertKeypair(seed, key, keypairOf(key.format(), opened.getString("privateKey")));
    }
  }

  @Test
  void opensASeedKeyAsTheSolanaCliKeypairFile() throws Exception {
    for (byte[] seed : seeds()) {
      Exports.Key key = Exports.seeded("solana", "solana-keypair-json", seed);
      JsonObject opened = open(Exports.seededResponse(WALLET, key, seed, device.publicKey()));
      assertV1(key, opened);
      assertKeypair(seed, key, keypairOf(key.format(), opened.getString("privateKey")));
    }
  }

  @Test
  void opensASeedKeyAsANearKeypair() throws Exception {
    for (byte[] seed : seeds()) {
      Exports.Key key = Exports.seeded("near", "near-keypair", seed);
      JsonObject opened = open(Exports.seededResponse(WALLET, key, seed, device.publicKey()));
      assertV1(key, opened);
      assertTrue(opened.getString("privateKey").startsWith("ed25519:"));
      assertKeypair(seed, key, keypairOf(key.format(), opened.getString("privateKey")));
    }
  }

  @Test
  void formsRfc8032Test1SeedAsItsKnownText() throws Exception {
    Exports.Key solana = Exports.seeded("solana", "solana-keypair", Exports.TEST1_SEED);
    assertEquals(Exports.SOLANA.x(), solana.x());
    assertEquals(Exports.SOLANA.address(), solana.address());
    String keypair =
        "49W385L4rePHy6PAaQUovbD2aacgN4HsKXSMeUzRg4fmwXszN91JuMFrQRj3vMDpZuRF3ZknQBuRBoWQJEfXstMw";
    assertEquals(keypair, privateKey(solana));
    assertEquals(
        "[157,97,177,157,239,253,90,96,186,132,74,244,146,236,44,196,68,73,197,105,123,50,105,25,"
            + "112,59,172,3,28,174,127,96,215,90,152,1,130,177,10,183,213,75,254,211,201,100,7,58,"
            + "14,225,114,243,218,166,35,37,175,2,26,104,247,7,81,26]",
        privateKey(Exports.seeded("solana", "solana-keypair-json", Exports.TEST1_SEED)));
    assertEquals(
        "ed25519:" + keypair,
        privateKey(Exports.seeded("near", "near-keypair", Exports.TEST1_SEED)));
  }

  @Test
  void checksButIgnoresTheSeedInFormsOfTheScalar() throws Exception {
    // RFC 8032 TEST 1's key with its seed: the plaintext is exactly that of the key without one.
    Exports.Key expanded = Exports.SOLANA;
    assertEquals(
        Exports.SOLANA.plaintext(),
        new String(openBytes(seeded(expanded, Exports.TEST1_SEED)), StandardCharsets.UTF_8));
    byte[] seed = Exports.randomBytes(32);
    Exports.Key scalar = Exports.seeded("near", "ed25519-scalar", seed);
    JsonObject opened = open(seeded(scalar, seed));
    byte[] le = HexFormat.of().parseHex(opened.getString("privateKey"));
    assertEquals(scalar.x(), new BigInteger(1, reverse(le)));
  }

  @Test
  void rejectsASeedPartFromNode1Only() {
    assertRefused(SeedRefusals.node1Only(WALLET, device.publicKey()));
  }

  @Test
  void rejectsASeedPartFromNode2Only() {
    assertRefused(SeedRefusals.node2Only(WALLET, device.publicKey()));
  }

  @Test
  void rejectsASeedThatDoesNotMakeTheWalletsKey() {
    assertRefused(SeedRefusals.seedThatDoesNotMakeTheKey(WALLET, device.publicKey()));
    // The parts of another seed: a consistent split, of the wrong seed, with x's own parts.
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts good = Exports.split(key, seed);
    Exports.SeedParts other = Exports.split(key, Exports.randomBytes(32));
    Exports.SeedParts mixed =
        new Exports.SeedParts(good.m1(), good.m2(), other.seedPart1(), other.seedPart2());
    assertRefused(
        "the seed does not make the wallet's key",
        Exports.seededResponse(WALLET, key, mixed, device.publicKey()));
    // Also in a form that shows only the scalar: a seed that does not check is never ignored.
    Exports.Key expanded = Exports.seeded("solana", "ed25519-expanded", seed);
    assertRefused(
        "the seed does not make the wallet's key",
        Exports.seededResponse(WALLET, expanded, mixed, device.publicKey()));
  }

  @Test
  void rejectsAVersion2PartOfASecp256k1Key() {
    assertRefused(SeedRefusals.version2PartOfASecp256k1Key(WALLET, device.publicKey()));
    // With Node 2's curve byte lying (ed25519) as well.
    Exports.Key key = Exports.ETHEREUM;
    Exports.SeedParts parts = Exports.split(key, Exports.randomBytes(32));
    byte[] node2 = Exports.node2(key, parts.m2(), parts.seedPart2());
    node2[1] = 2;
    assertRefused(
        "not version 1 of a secp256k1 share",
        Exports.response(
            WALLET,
            key,
            Exports.ROOT,
            SeedRefusals.node1WithSeed(key, parts),
            node2,
            device.publicKey()));
  }

  @Test
  void rejectsAMalformedVersion2Part() {
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    byte[] v2 = Exports.node2(key, parts.m2(), parts.seedPart2());
    byte[] v1Version = v2.clone();
    v1Version[0] = 1;
    byte[][] bad = {
      Arrays.copyOf(v2, 65), Arrays.copyOf(v2, 67), v1Version, Arrays.copyOf(v2, 34) // 0x02 ‖ m2
    };
    for (byte[] node2 : bad) {
      assertRefused(
          "not version 1 or 2 of an ed25519 share",
          Exports.response(
              WALLET,
              key,
              Exports.ROOT,
              SeedRefusals.node1WithSeed(key, parts),
              node2,
              device.publicKey()));
    }
  }

  @Test
  void rejectsSeedPartsBelowTheRoot() {
    assertRefused(SeedRefusals.seedPartsBelowTheRoot(WALLET, device.publicKey()));
  }

  @Test
  void rejectsASeedFormOfAKeyWithoutSeedParts() {
    assertRefused(SeedRefusals.seedFormWithoutSeedParts(WALLET, device.publicKey()));
    // RFC 8032 TEST 1's key on Solana at a wallet's path, as a key made before seed keys has it.
    for (String format : new String[] {"solana-keypair", "solana-keypair-json"}) {
      Exports.Key key =
          Exports.SOLANA.withChainAddress("solana", Exports.SOLANA.address(), format, "");
      assertRefused("this key has no seed", Exports.response(WALLET, key, device.publicKey()));
    }
  }

  @Test
  void rejectsSolanaKeypairForChainNear() {
    assertRefused(SeedRefusals.solanaKeypairOnNear(WALLET, device.publicKey()));
    byte[] seed = Exports.randomBytes(32);
    String[][] misfits = {{"near", "solana-keypair-json"}, {"solana", "near-keypair"}};
    for (String[] misfit : misfits) {
      Exports.Key key = Exports.seeded(misfit[0], misfit[1], seed);
      assertRefused(
          misfit[1] + " is not an export form of a " + misfit[0] + " key",
          Exports.seededResponse(WALLET, key, seed, device.publicKey()));
    }
    Exports.Key ethereum =
        Exports.ETHEREUM.withChainAddress(
            "ethereum", Exports.ETHEREUM.address(), "solana-keypair", "");
    assertRefused(
        "not an export form of a ethereum key",
        Exports.response(WALLET, ethereum, device.publicKey()));
  }

  @Test
  void rejectsASeedPartThatIsNotLowerCaseHex() {
    assertRefused(SeedRefusals.upperCaseSeedPart(WALLET, device.publicKey()));
    byte[] seed = Exports.randomBytes(32);
    Exports.Key key = Exports.seeded("solana", "solana-keypair", seed);
    Exports.SeedParts parts = Exports.split(key, seed);
    String hex = Exports.hex(parts.seedPart1());
    for (String seedPart : new String[] {hex.substring(2), hex + "00", "g" + hex.substring(1)}) {
      String node1 =
          Exports.node1Json(key, Exports.ROOT, parts.m1())
              .add("seedPart", seedPart)
              .build()
              .toString();
      assertRefused(
          "malformed",
          Exports.response(
              WALLET,
              key,
              Exports.ROOT,
              node1,
              Exports.node2(key, parts.m2(), parts.seedPart2()),
              device.publicKey()));
    }
  }

  // Seeds with a leading zero byte, and one with two: Base58 writes each as a '1'.
  static byte[][] seeds() {
    byte[][] seeds = new byte[4][];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = Exports.randomBytes(32);
    }
    seeds[1][0] = 0;
    seeds[2][0] = 0;
    seeds[2][1] = 0;
    return seeds;
  }

  /**
   * The 64 bytes seed ‖ A of a seed form's text, read as Phantom (Base58), solana-keygen (a JSON
   * array of bytes, no spaces) and near-cli ({@code ed25519:} and Base58) read it.
   */
  static byte[] keypairOf(String format, String text) {
    switch (format) {
      case "solana-keypair":
        return Base58.decode(text);
      case "near-keypair":
        assertTrue(text.startsWith("ed25519:"), text);
        return Base58.decode(text.substring("ed25519:".length()));
      case "solana-keypair-json":
        assertFalse(text.contains(" "), text);
        JsonArray numbers = Json.createReader(new StringReader(text)).readArray();
        byte[] keypair = new byte[numbers.size()];
        for (int i = 0; i < keypair.length; i++) {
          int b = ((JsonNumber) numbers.get(i)).intValueExact();
          assertTrue(b >= 0 && b <= 255, text);
          keypair[i] = (byte) b;
        }
        return keypair;
      default:
        throw new IllegalArgumentException(format);
    }
  }

  // seed ‖ A: the seed, and the public key that BouncyCastle's RFC 8032 key of that seed has,
  // which is the wallet's.
  static void assertKeypair(byte[] seed, Exports.Key key, byte[] keypair) {
    assertEquals(64, keypair.length);
    byte[] first = Arrays.copyOf(keypair, 32);
    assertArrayEquals(seed, first);
    byte[] derived = new Ed25519PrivateKeyParameters(first).generatePublicKey().getEncoded();
    assertArrayEquals(derived, Arrays.copyOfRange(keypair, 32, 64));
    assertArrayEquals(key.publicKey(), derived);
  }

  static void assertV1(Exports.Key key, JsonObject opened) {
    assertEquals(V1_MEMBERS, opened.keySet());
    assertEquals(key.chain(), opened.getString("chain"));
    assertEquals(key.address(), opened.getString("address"));
    assertEquals(key.format(), opened.getString("format"));
    assertEquals(key.publicKeyHex(), opened.getString("publicKey"));
    assertEquals(JsonValue.ValueType.STRING, opened.get("privateKey").getValueType());
  }

  private String privateKey(Exports.Key key) throws AEADBadTagException {
    return open(seeded(key, Exports.TEST1_SEED)).getString("privateKey");
  }

  private JsonObject seeded(Exports.Key key, byte[] seed) {
    return Exports.seededResponse(WALLET, key, seed, device.publicKey());
  }

  private JsonObject open(JsonObject response) throws AEADBadTagException {
    byte[] plain = openBytes(response);
    try {
      return Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8)))
          .readObject();
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private byte[] openBytes(JsonObject response) throws AEADBadTagException {
    return ExportOpener.open(WALLET, Exports.exportResponse(response), device);
  }

  private void assertRefused(SeedRefusals.Refusal refusal) {
    assertRefused(refusal.why(), refusal.response());
  }

  private void assertRefused(String why, JsonObject response) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> openBytes(response));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
