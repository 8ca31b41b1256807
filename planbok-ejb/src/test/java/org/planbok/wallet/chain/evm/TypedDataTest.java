package org.planbok.wallet.chain.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;
import org.planbok.wallet.chain.Hex;
import org.web3j.crypto.StructuredDataEncoder;

class TypedDataTest {

  static String resource(String name) {
    try (InputStream in = TypedDataTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The "Mail" example of EIP-712 with the values the EIP's reference script prints. */
  @Test
  void hashesTheEip712MailExample() throws Exception {
    String json = resource("mail.json");
    TypedData data = TypedData.parse(json);
    assertEquals(
        "Mail(Person from,Person to,string contents)Person(string name,address wallet)",
        data.encodeType("Mail"));
    assertEquals(
        "f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f",
        Hex.of(data.domainSeparator()));
    assertEquals(
        "c52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e",
        Hex.of(data.messageHash().orElseThrow()));
    assertEquals(
        "be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.of(data.digest()));
    assertArrayEquals(new StructuredDataEncoder(json).hashStructuredData(), data.digest());
  }

  @Test
  void digestEqualsWeb3jWithArraysNestedStructsBytesAndSignedIntegers() throws Exception {
    String json = resource("order.json");
    assertArrayEquals(
        new StructuredDataEncoder(json).hashStructuredData(), TypedData.parse(json).digest());
  }

  /**
   * encodeData of an array is the Keccak-256 of its elements' encodings concatenated, a bool being
   * the uint256 0 or 1 (EIP-712 §Definition of encodeData). web3j 4.12.3 hashes bool arrays
   * differently, so this case is checked against the definition computed by hand.
   */
  @Test
  void encodesBoolArraysAsTheDefinitionSays() {
    String json =
        "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"}],"
            + "\"T\":[{\"name\":\"f\",\"type\":\"bool[]\"}]},\"primaryType\":\"T\","
            + "\"domain\":{\"name\":\"x\"},\"message\":{\"f\":[true,false]}}";
    byte[] one = new byte[32];
    one[31] = 1;
    byte[] array = Hashes.keccak256(one, new byte[32]);
    byte[] expected =
        Hashes.keccak256(
            Hashes.keccak256("T(bool[] f)".getBytes(StandardCharsets.US_ASCII)), array);
    assertArrayEquals(expected, TypedData.parse(json).messageHash().orElseThrow());
  }

  @Test
  void acceptsTheMatchingChain() {
    TypedData.parse(resource("mail.json")).requireChain(new EvmChainId(1));
  }

  @Test
  void rejectsADomainForAnotherChain() {
    TypedData data = TypedData.parse(resource("mail.json"));
    assertRejected("typedData.domain.chainId", () -> data.requireChain(new EvmChainId(137)));
  }

  @Test
  void rejectsAMissingMember() {
    assertRejected(
        "typedData.message.contents", mail("},\n    \"contents\": \"Hello, Bob!\"", "}"));
  }

  @Test
  void rejectsAMemberNotInTheType() {
    assertRejected(
        "typedData.message.bcc",
        mail("\"contents\": \"Hello, Bob!\"", "\"contents\": \"x\", \"bcc\": \"y\""));
  }

  @Test
  void rejectsAnInvalidAddress() {
    assertRejected(
        "typedData.message.to.wallet",
        mail("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB", "0xbBbB"));
  }

  @Test
  void rejectsAnUnknownType() {
    assertRejected(
        "typedData.types.Mail[2].type",
        mail(
            "{\"name\": \"contents\", \"type\": \"string\"}",
            "{\"name\": \"contents\", \"type\": \"strng\"}"));
  }

  @Test
  void rejectsAnIntegerOutOfRange() {
    String json = resource("order.json").replace("\"expiry\": 1893456000", "\"expiry\": -1");
    assertRejected("typedData.message.expiry", () -> TypedData.parse(json));
  }

  @Test
  void rejectsAFixedArrayOfTheWrongLength() {
    String json = resource("order.json").replace("[1, \"0x10\"]", "[1]");
    assertRejected("typedData.message.limits", () -> TypedData.parse(json));
  }

  @Test
  void rejectsBytesNOfTheWrongLength() {
    String json = resource("order.json").replace("0xcafebabe", "0xcafe");
    assertRejected("typedData.message.tag", () -> TypedData.parse(json));
  }

  @Test
  void rejectsAWrongValueTypeInsideAnArrayOfStructs() {
    String json =
        resource("order.json").replace("\"tags\": [\"a\", \"b\"]", "\"tags\": [\"a\", 1]");
    assertRejected("typedData.message.items[0].tags[1]", () -> TypedData.parse(json));
  }

  @Test
  void rejectsDuplicateJsonKeys() {
    assertRejected(
        "typedData",
        mail("\"contents\": \"Hello, Bob!\"", "\"contents\": \"a\", \"contents\": \"b\""));
  }

  @Test
  void rejectsMalformedJson() {
    assertRejected("typedData", () -> TypedData.parse("{\"types\": "));
    assertRejected("typedData", () -> TypedData.parse(resource("mail.json") + "}"));
  }

  @Test
  void rejectsAMissingDomainType() {
    assertRejected("typedData.types", mail("\"EIP712Domain\"", "\"Domain\""));
  }

  @Test
  void rejectsAPrimaryTypeNotDefined() {
    assertRejected(
        "typedData.primaryType", mail("\"primaryType\": \"Mail\"", "\"primaryType\": \"Post\""));
  }

  private static org.junit.jupiter.api.function.Executable mail(String from, String to) {
    String json = resource("mail.json");
    if (!json.contains(from)) {
      throw new IllegalArgumentException("test edit does not apply: " + from);
    }
    return () -> TypedData.parse(json.replace(from, to));
  }

  private static void assertRejected(String field, org.junit.jupiter.api.function.Executable run) {
    ChainFormatException e = assertThrows(ChainFormatException.class, run);
    assertEquals(field, e.field(), e.getMessage());
  }
}
