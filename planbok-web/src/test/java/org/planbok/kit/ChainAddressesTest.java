package org.planbok.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.WalletAddress;

/**
 * The kit's own address derivation and ed25519 point arithmetic (written so that integrators copy
 * two files, not Planbok's chain layer) give what Node 1's chain layer and {@code planbok-mpc} give
 * for random keys: the device checks an opened key exactly as the wallet's address was made.
 */
class ChainAddressesTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void secp256k1AddressesAreThoseOfNode1sChainLayer() {
    for (int i = 0; i < 20; i++) {
      BigInteger x = new BigInteger(256, RANDOM).mod(Secp256k1.N);
      ECPoint q = Secp256k1.INSTANCE.multiplyGenerator(x);
      byte[] compressed = Secp256k1.INSTANCE.encode(q);
      for (Chain chain :
          List.of(Chain.ETHEREUM, Chain.BITCOIN, Chain.BITCOIN_TESTNET, Chain.TRON)) {
        List<String> expected = new ArrayList<>();
        for (AddressFormat format : chain.formats()) {
          expected.add(WalletAddress.of(chain, format, q).value());
        }
        assertEquals(expected, ChainAddresses.of(name(chain), compressed), chain + " " + x);
      }
    }
  }

  @Test
  void ed25519KeysAndAddressesAreThoseOfPlanbokMpcAndNode1() {
    for (int i = 0; i < 20; i++) {
      BigInteger a = new BigInteger(253, RANDOM).mod(Ed25519.L);
      byte[] expected = Ed25519.INSTANCE.encode(Ed25519.INSTANCE.multiplyGenerator(a));
      byte[] actual = Ed25519Base.multiply(a);
      assertArrayEquals(expected, actual, a.toString());
      for (Chain chain : List.of(Chain.SOLANA, Chain.NEAR)) {
        assertEquals(
            List.of(WalletAddress.of(chain, new Ed25519Key(actual)).value()),
            ChainAddresses.of(name(chain), actual));
      }
    }
  }

  @Test
  void ed25519EdgeScalars() {
    for (BigInteger a :
        List.of(BigInteger.ONE, BigInteger.TWO, Ed25519.L.subtract(BigInteger.ONE))) {
      assertArrayEquals(
          Ed25519.INSTANCE.encode(Ed25519.INSTANCE.multiplyGenerator(a)), Ed25519Base.multiply(a));
    }
  }

  private static String name(Chain chain) {
    return chain.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
