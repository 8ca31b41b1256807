package org.planbok.wallet.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChainTest {

  @Test
  void documentsTheNonHardenedPathPerChain() {
    assertEquals("m/44/60/0/0/3", Chain.ETHEREUM.path(3).toString());
    assertEquals("m/84/0/0/0/0", Chain.BITCOIN.path(0).toString());
    assertEquals("m/44/0/0/0/0", Chain.BITCOIN.path(AddressFormat.P2PKH, 0).toString());
    assertEquals("m/84/1/0/0/2", Chain.BITCOIN_TESTNET.path(2).toString());
    assertEquals("m/44/195/0/0/1", Chain.TRON.path(1).toString());
    assertEquals("m/7", Chain.SOLANA.path(7).toString());
    assertEquals("m/7", Chain.NEAR.path(7).toString());
  }

  @Test
  void rejectsAFormatOfAnotherChain() {
    ChainFormatException e =
        assertThrows(
            ChainFormatException.class, () -> Chain.ETHEREUM.path(AddressFormat.P2WPKH, 0));
    assertEquals("format", e.field());
  }

  @Test
  void rejectsANegativeIndex() {
    assertThrows(ChainFormatException.class, () -> Chain.SOLANA.path(-1));
  }
}
