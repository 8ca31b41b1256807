package org.planbok.wallet.chain.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.PlainKey;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class PersonalMessageTest {

  @Test
  void digestEqualsWeb3j() {
    for (String text : new String[] {"", "hello", "Planbok ✓ " + "x".repeat(300)}) {
      byte[] message = text.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(Sign.getEthereumMessageHash(message), PersonalMessage.digest(message));
    }
  }

  @Test
  void signatureRecoversToTheAddressWithWeb3j() throws Exception {
    PlainKey key = PlainKey.random();
    byte[] message = "sign in to Planbok".getBytes(StandardCharsets.UTF_8);
    byte[] digest = PersonalMessage.digest(message);
    EcdsaSignature sig = key.sign(digest);
    byte[] rsv = MessageSignature.of(digest, sig).signature();
    assertEquals(65, rsv.length);
    Sign.SignatureData data =
        new Sign.SignatureData(
            rsv[64], Arrays.copyOfRange(rsv, 0, 32), Arrays.copyOfRange(rsv, 32, 64));
    BigInteger recovered = Sign.signedPrefixedMessageToKey(message, data);
    assertEquals(
        EvmAddress.fromPublicKey(key.publicKey()).toString().toLowerCase(),
        "0x" + Keys.getAddress(recovered));
  }

  @Test
  void rejectsAMessageOverTheSizeLimit() {
    ChainFormatException e =
        assertThrows(
            ChainFormatException.class,
            () -> PersonalMessage.digest(new byte[PersonalMessage.MAX_BYTES + 1]));
    assertEquals("message", e.field());
  }
}
