package org.planbok.mpc.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;

class ExportHpkeTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void opensWhatWasSealedToTheKeyWithTheSameInfoAndAad() throws Exception {
    AsymmetricCipherKeyPair pair = ExportHpke.keyPair(random(32));
    byte[] aad = "key:m/0".getBytes(StandardCharsets.UTF_8);
    byte[] sealed =
        ExportHpke.seal(
            ExportHpke.recipient(ExportHpke.publicKey(pair)),
            ExportHpke.NODE2_INFO,
            aad,
            random(34));
    assertEquals(32 + 34 + 16, sealed.length);
    byte[] opened = ExportHpke.open(pair, ExportHpke.NODE2_INFO, aad, sealed);
    assertEquals(34, opened.length);
    assertThrows(
        InvalidCipherTextException.class,
        () -> ExportHpke.open(pair, ExportHpke.NODE1_INFO, aad, sealed));
    assertThrows(
        InvalidCipherTextException.class,
        () -> ExportHpke.open(pair, ExportHpke.NODE2_INFO, new byte[0], sealed));
    assertThrows(
        InvalidCipherTextException.class,
        () -> ExportHpke.open(ExportHpke.keyPair(random(32)), ExportHpke.NODE2_INFO, aad, sealed));
    assertThrows(
        InvalidCipherTextException.class,
        () -> ExportHpke.open(pair, ExportHpke.NODE2_INFO, aad, new byte[40]));
  }

  @Test
  void rejectsRecipientKeysOfTheWrongLengthOrLowOrder() {
    for (byte[] key : new byte[][] {new byte[31], new byte[33], new byte[32], null}) {
      ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> ExportHpke.recipient(key));
      assertEquals(AbortReason.INVALID_POINT, e.reason());
    }
  }

  @Test
  void theKeyPairOfAPrivateKeyIsStable() {
    byte[] sk = random(32);
    assertArrayEquals(
        ExportHpke.publicKey(ExportHpke.keyPair(sk)), ExportHpke.publicKey(ExportHpke.keyPair(sk)));
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
