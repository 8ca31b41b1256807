package org.planbok.wallet.chain.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.bitcoinj.core.ECKey;
import org.bitcoinj.core.LegacyAddress;
import org.bitcoinj.core.NetworkParameters;
import org.bitcoinj.core.SegwitAddress;
import org.bitcoinj.params.MainNetParams;
import org.bitcoinj.params.TestNet3Params;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hex;
import org.planbok.wallet.chain.PlainKey;

class BitcoinAddressTest {

  /** Valid segwit addresses and their scriptPubKey, from BIP173 and BIP350. */
  private static final Map<String, String> SEGWIT_VECTORS =
      Map.of(
          "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
          "0014751e76e8199196d454941c45d1b3a323f1433bd6",
          "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
          "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
          "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
          "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
          "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
          "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
          "BC1SW50QGDZ25J",
          "6002751e",
          "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
          "5210751e76e8199196d454941c45d1b3a323",
          "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
          "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
          "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

  /** Base58 vectors from Bitcoin Core's base58_encode_decode.json. */
  private static final Map<String, String> BASE58_VECTORS =
      Map.ofEntries(
          Map.entry("", ""),
          Map.entry("61", "2g"),
          Map.entry("626262", "a3gV"),
          Map.entry("636363", "aPEr"),
          Map.entry("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
          Map.entry(
              "00eb15231dfceb60925886b67d065299925915aeb172c06647",
              "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
          Map.entry("516b6fcd0f", "ABnLTmg"),
          Map.entry("bf4f89001e670274dd", "3SEo3LWLoPntC"),
          Map.entry("572e4794", "3EFU7m"),
          Map.entry("ecac89cad93923c02321", "EJDM8drfXA6uyA"),
          Map.entry("10c8511e", "Rt5zm"),
          Map.entry("00000000000000000000", "1111111111"));

  @Test
  void decodesAndReencodesTheBip173AndBip350Vectors() {
    SEGWIT_VECTORS.forEach(
        (address, script) -> {
          String hrp = address.toLowerCase().substring(0, 2);
          Bech32.WitnessProgram p = Bech32.decode(hrp, address, "address");
          assertEquals(script, Hex.of(p.scriptPubKey()), address);
          assertEquals(address.toLowerCase(), Bech32.encode(hrp, p.version(), p.program()));
        });
  }

  @Test
  void rejectsTheInvalidBip173AndBip350Vectors() {
    for (String bad :
        new String[] {
          "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
          "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
          "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
          "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
          "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
          "bc1pw5dgrnzv",
          "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
          "bc1gmk9yu",
          "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"
        }) {
      String hrp = bad.toLowerCase().startsWith("tb") ? "tb" : "bc";
      assertThrows(ChainFormatException.class, () -> Bech32.decode(hrp, bad, "address"), bad);
    }
  }

  @Test
  void encodesTheBase58Vectors() {
    BASE58_VECTORS.forEach(
        (hex, text) -> {
          assertEquals(text, Base58.encode(Hex.bytes(hex)));
          assertEquals(hex, Hex.of(Base58.decode(text)));
        });
  }

  @Test
  void addressesAndWifEqualBitcoinj() {
    for (int i = 0; i < 10; i++) {
      PlainKey key = PlainKey.random();
      ECKey bitcoinj = ECKey.fromPrivate(key.secret());
      check(key, bitcoinj, BitcoinNetwork.MAINNET, MainNetParams.get());
      check(key, bitcoinj, BitcoinNetwork.TESTNET, TestNet3Params.get());
    }
  }

  private static void check(
      PlainKey key, ECKey bitcoinj, BitcoinNetwork network, NetworkParameters params) {
    assertEquals(
        SegwitAddress.fromKey(params, bitcoinj).toBech32(),
        BitcoinAddress.p2wpkh(key.publicKey(), network));
    assertEquals(
        LegacyAddress.fromKey(params, bitcoinj).toBase58(),
        BitcoinAddress.p2pkh(key.publicKey(), network));
    assertEquals(
        bitcoinj.getPrivateKeyAsWiF(params), new String(Wif.encode(key.secretBytes(), network)));
  }

  /** The WIF example of the Bitcoin wiki (compressed form of the key 0C28FCA3…). */
  @Test
  void encodesTheKnownWif() {
    byte[] secret = Hex.bytes("0C28FCA386C7A227600B2FE50B7CAE11EC86D3BF1FBE471BE89827E19D72AA1D");
    assertEquals(
        "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617",
        new String(Wif.encode(secret, BitcoinNetwork.MAINNET)));
  }
}
