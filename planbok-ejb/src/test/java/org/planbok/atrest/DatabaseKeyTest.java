package org.planbok.atrest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseKeyTest {
  private static final byte[] RAW = new byte[32];

  static {
    for (int i = 0; i < RAW.length; i++) {
      RAW[i] = (byte) (i * 7 + 1);
    }
  }

  private final DatabaseKey key = DatabaseKey.of(RAW);

  @Test
  void refusesToStartWithoutAKeyAndNamesTheSettings() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new DatabaseKey(Optional.empty(), Optional.empty()));
    assertTrue(e.getMessage().contains("planbok.node1.database-key"), e.getMessage());
    assertTrue(e.getMessage().contains("PLANBOK_NODE1_DATABASE_KEY_FILE"), e.getMessage());
  }

  @Test
  void rejectsAKeyOfTheWrongLengthOrNotBase64WithoutEchoingIt() {
    String short31 = Base64.getEncoder().encodeToString(new byte[31]);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new DatabaseKey(Optional.of(short31), Optional.empty()));
    assertFalse(e.getMessage().contains(short31));
    assertThrows(
        IllegalStateException.class,
        () -> new DatabaseKey(Optional.of("not*base64!"), Optional.empty()));
    assertThrows(
        IllegalStateException.class,
        () -> new DatabaseKey(Optional.of(base64(RAW)), Optional.of("/some/file")));
  }

  @Test
  void readsTheKeyFromAFileOrTheValueAlike(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("database.key");
    Files.writeString(file, base64(RAW) + "\n", StandardCharsets.US_ASCII);
    DatabaseKey fromFile = new DatabaseKey(Optional.empty(), Optional.of(file.toString()));
    DatabaseKey fromValue = new DatabaseKey(Optional.of(base64(RAW)), Optional.empty());
    assertArrayEquals(
        key.mac(AtRest.IDEMPOTENCY, bytes("x")), fromFile.mac(AtRest.IDEMPOTENCY, bytes("x")));
    assertArrayEquals(fromFile.id(), fromValue.id());
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> new DatabaseKey(Optional.empty(), Optional.of(dir.resolve("none").toString())));
    assertTrue(missing.getMessage().contains("planbok.node1.database-key-file"));
  }

  @Test
  void eachUseHasItsOwnKeyAndTheKeyDecidesTheMac() {
    byte[] a = key.mac(AtRest.IDEMPOTENCY, bytes("body"));
    assertEquals(32, a.length);
    assertFalse(Arrays.equals(a, key.mac(AtRest.RECOVERY_CODE, bytes("body"))));
    byte[] other = RAW.clone();
    other[0] ^= 1;
    assertFalse(Arrays.equals(a, DatabaseKey.of(other).mac(AtRest.IDEMPOTENCY, bytes("body"))));
  }

  @Test
  void macPartsAreLengthPrefixedSoBoundariesCannotShift() {
    assertFalse(
        Arrays.equals(
            key.mac(AtRest.IDEMPOTENCY, bytes("ab"), bytes("c")),
            key.mac(AtRest.IDEMPOTENCY, bytes("a"), bytes("bc"))));
  }

  @Test
  void sealsAndOpensAndTheSealedFormHoldsNothingOfThePlaintext() {
    byte[] chainCode = HexFormat.of().parseHex("8b".repeat(32));
    byte[] sealed = key.seal(AtRest.CHAIN_CODE, chainCode, bytes("key-1"));
    assertFalse(HexFormat.of().formatHex(sealed).contains("8b8b8b8b"));
    assertNotEquals(
        HexFormat.of().formatHex(sealed),
        HexFormat.of().formatHex(key.seal(AtRest.CHAIN_CODE, chainCode, bytes("key-1"))),
        "a fresh nonce each time");
    assertArrayEquals(chainCode, key.open(AtRest.CHAIN_CODE, sealed, bytes("key-1")));
  }

  @Test
  void rejectsABlobOpenedForAnotherRowAnotherUseOrUnderAnotherKey() {
    byte[] sealed = key.seal(AtRest.CHAIN_CODE, bytes("secret chain code"), bytes("key-1"));
    assertThrows(
        IllegalStateException.class, () -> key.open(AtRest.CHAIN_CODE, sealed, bytes("key-2")));
    assertThrows(
        IllegalStateException.class, () -> key.open(AtRest.IDEMPOTENCY, sealed, bytes("key-1")));
    byte[] other = RAW.clone();
    other[5] ^= 1;
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> DatabaseKey.of(other).open(AtRest.CHAIN_CODE, sealed, bytes("key-1")));
    assertTrue(e.getMessage().contains("another database key"), e.getMessage());
    byte[] changed = sealed.clone();
    changed[changed.length - 1] ^= 1;
    assertThrows(
        IllegalStateException.class, () -> key.open(AtRest.CHAIN_CODE, changed, bytes("key-1")));
    assertThrows(
        IllegalStateException.class,
        () -> key.open(AtRest.CHAIN_CODE, new byte[10], bytes("key-1")));
  }

  @Test
  void toStringShowsTheIdNeverTheKey() {
    String text = key.toString();
    assertTrue(text.contains("redacted"));
    assertFalse(text.contains(base64(RAW)));
    assertFalse(text.contains(HexFormat.of().formatHex(RAW)));
  }

  private static String base64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
