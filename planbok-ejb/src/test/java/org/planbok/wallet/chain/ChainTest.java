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
  void writesEachChainsAddressOfAKey() {
    PlainKey key = PlainKey.of("0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d");
    assertEquals(
        "0x"
            + org.web3j.crypto.Keys.getAddress(
                new java.math.BigInteger(
                    1, java.util.Arrays.copyOfRange(key.publicKey().getEncoded(false), 1, 65))),
        WalletAddress.of(Chain.ETHEREUM, AddressFormat.EIP55, key.publicKey())
            .value()
            .toLowerCase());
    assertEquals(
        "bc1q",
        WalletAddress.of(Chain.BITCOIN, AddressFormat.P2WPKH, key.publicKey())
            .value()
            .substring(0, 4));
    assertEquals(
        "tb1q",
        WalletAddress.of(Chain.BITCOIN_TESTNET, AddressFormat.P2WPKH, key.publicKey())
            .value()
            .substring(0, 4));
    assertEquals(
        "1",
        WalletAddress.of(Chain.BITCOIN, AddressFormat.P2PKH, key.publicKey())
            .value()
            .substring(0, 1));
    assertEquals(
        "T",
        WalletAddress.of(Chain.TRON, AddressFormat.TRON_BASE58, key.publicKey())
            .value()
            .substring(0, 1));
    Ed25519Key ed = Ed25519TestKey.random().publicKey();
    assertEquals(64, WalletAddress.of(Chain.NEAR, ed).value().length());
    assertEquals(
        Hex.of(ed.encoded()),
        Hex.of(org.planbok.mpc.hd.Base58.decode(WalletAddress.of(Chain.SOLANA, ed).value())));
  }

  @Test
  void rejectsAKeyOfTheWrongCurve() {
    assertThrows(
        ChainFormatException.class,
        () -> WalletAddress.of(Chain.ETHEREUM, Ed25519TestKey.random().publicKey()));
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
