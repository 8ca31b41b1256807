package org.planbok.wallet.chain.tron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hex;
import org.planbok.wallet.chain.PlainKey;
import org.web3j.crypto.Keys;

class TronAddressTest {

  /** The example of Tron's developer documentation (Accounts: address format). */
  @Test
  void encodesTheDocumentedExample() {
    byte[] id = Hex.bytes("8840E6C55B9ADA326D211D818C34A994AECED808");
    assertEquals("TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", TronAddress.fromAccountId(id));
    assertArrayEquals(id, TronAddress.accountId("TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "to"));
  }

  /** The account id is the key's EVM address, computed here by web3j. */
  @Test
  void carriesTheEvmAccountIdOfTheKey() {
    for (int i = 0; i < 10; i++) {
      PlainKey key = PlainKey.random();
      byte[] xy = key.publicKey().getEncoded(false);
      String web3j = Keys.getAddress(new BigInteger(1, Arrays.copyOfRange(xy, 1, 65)));
      String address = TronAddress.fromPublicKey(key.publicKey());
      assertTrue(address.startsWith("T"));
      assertEquals(web3j, Hex.of(TronAddress.accountId(address, "address")));
    }
  }

  @Test
  void rejectsABadChecksum() {
    assertThrows(
        ChainFormatException.class,
        () -> TronAddress.accountId("TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeM", "to"));
  }
}
