package org.planbok.wallet.chain.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.PlainKey;
import org.web3j.crypto.Keys;

class EvmAddressTest {

  /** The test vectors listed in EIP-55. */
  private static final List<String> EIP55 =
      List.of(
          "0x52908400098527886E0F7030069857D2E4169EE7",
          "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
          "0xde709f2102306220921060314715629080e2fb77",
          "0x27b1fdb04752bbc536007a920d24acb045561c26",
          "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
          "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
          "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
          "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb");

  @Test
  void checksumsTheEip55Vectors() {
    for (String vector : EIP55) {
      EvmAddress parsed = EvmAddress.parse(vector.toLowerCase(), "address");
      assertEquals(vector, parsed.toString());
      assertEquals(parsed, EvmAddress.parse(vector, "address"));
    }
  }

  @Test
  void addressEqualsWeb3j() {
    for (int i = 0; i < 20; i++) {
      PlainKey key = PlainKey.random();
      byte[] xy = key.publicKey().getEncoded(false);
      java.math.BigInteger web3jKey =
          new java.math.BigInteger(1, java.util.Arrays.copyOfRange(xy, 1, 65));
      String expected = Keys.toChecksumAddress(Keys.getAddress(web3jKey));
      assertEquals(expected, EvmAddress.fromPublicKey(key.publicKey()).toString());
    }
  }

  @Test
  void rejectsAMixedCaseAddressWithAWrongChecksum() {
    ChainFormatException e =
        assertThrows(
            ChainFormatException.class,
            () -> EvmAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "to"));
    assertEquals("to", e.field());
  }

  @Test
  void rejectsAnAddressOfTheWrongLength() {
    assertThrows(ChainFormatException.class, () -> EvmAddress.parse("0x5aAeb6053F3E", "to"));
  }
}
