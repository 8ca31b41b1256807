package org.planbok.wallet.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bitcoinj.core.Address;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.LegacyAddress;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.params.TestNet3Params;
import org.bitcoinj.script.ScriptBuilder;
import org.junit.jupiter.api.Test;

/** Output scripts to addresses, checked against bitcoinj's own addresses. */
class BitcoinAddressOfScriptTest {
  @Test
  void writesTheAddressBitcoinjWritesForEachStandardScript() {
    ECKey key = new ECKey();
    for (Address a :
        new Address[] {
          SegwitAddress.fromKey(MainNetParams.get(), key),
          LegacyAddress.fromKey(MainNetParams.get(), key),
          LegacyAddress.fromScriptHash(MainNetParams.get(), new byte[20]),
          SegwitAddress.fromHash(MainNetParams.get(), new byte[32]),
          SegwitAddress.fromProgram(MainNetParams.get(), 1, new byte[32])
        }) {
      byte[] script = ScriptBuilder.createOutputScript(a).getProgram();
      assertEquals(a.toString(), BitcoinAddress.ofScript(script, BitcoinNetwork.MAINNET).get());
      assertEquals(
          a.toString(), BitcoinAddress.normalize(a.toString(), BitcoinNetwork.MAINNET, "a"));
    }
    Address testnet = SegwitAddress.fromKey(TestNet3Params.get(), key);
    assertEquals(
        testnet.toString(),
        BitcoinAddress.ofScript(
                ScriptBuilder.createOutputScript(testnet).getProgram(), BitcoinNetwork.TESTNET)
            .get());
  }

  @Test
  void anOpReturnHasNoAddress() {
    byte[] script = ScriptBuilder.createOpReturnScript(new byte[] {1, 2}).getProgram();
    assertTrue(BitcoinAddress.ofScript(script, BitcoinNetwork.MAINNET).isEmpty());
  }
}
