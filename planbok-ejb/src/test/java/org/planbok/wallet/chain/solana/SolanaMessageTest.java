package org.planbok.wallet.chain.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.Ed25519TestKey;
import org.planbok.wallet.chain.Hex;

class SolanaMessageTest {
  private final Ed25519TestKey key = Ed25519TestKey.random();
  private final Ed25519Key ours = key.publicKey();
  private final byte[] recipient = Ed25519TestKey.random().publicKey().encoded();
  private final byte[] table = Ed25519TestKey.random().publicKey().encoded();

  /** A System Program transfer: header, keys (us, recipient, program), blockhash, instruction. */
  private byte[] transfer(boolean v0, byte[] payer) {
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    if (v0) {
      m.write(0x80);
    }
    m.writeBytes(new byte[] {1, 0, 1});
    CompactU16.write(m, 3);
    m.writeBytes(payer);
    m.writeBytes(recipient);
    m.writeBytes(new byte[32]);
    m.writeBytes(Hex.bytes("aa".repeat(32)));
    CompactU16.write(m, 1);
    m.write(2);
    CompactU16.write(m, v0 ? 3 : 2);
    m.write(0);
    m.write(1);
    if (v0) {
      m.write(3); // the account loaded from the lookup table
    }
    byte[] data = Hex.bytes("02000000" + "40420f0000000000");
    CompactU16.write(m, data.length);
    m.writeBytes(data);
    if (v0) {
      CompactU16.write(m, 1);
      m.writeBytes(table);
      CompactU16.write(m, 1);
      m.write(4);
      CompactU16.write(m, 0);
    }
    return m.toByteArray();
  }

  @Test
  void addressIsTheBase58Key() {
    assertArrayEquals(
        new byte[32], SolanaAddress.decode("11111111111111111111111111111111", "address"));
    assertEquals(
        "06ddf6e1d765a193d9cbe146ceeb79ac1cb485ed5f5b37913a8cf5857eff00a9",
        Hex.of(SolanaAddress.decode("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA", "address")));
    assertArrayEquals(ours.encoded(), SolanaAddress.decode(SolanaAddress.of(ours), "address"));
  }

  @Test
  void signsLegacyAndV0MessagesIntoTransactionsThatVerify() {
    for (boolean v0 : new boolean[] {false, true}) {
      byte[] message = transfer(v0, ours.encoded());
      SolanaMessage parsed = SolanaMessage.parse(message, ours);
      assertEquals(v0 ? 0 : -1, parsed.version());
      assertEquals(0, parsed.signerIndex());
      assertArrayEquals(message, parsed.bytesToSign());

      SignedSolanaTransaction tx = parsed.sign(key.sign(parsed.bytesToSign()), ours);

      byte[] raw = Base64.getDecoder().decode(tx.base64());
      assertArrayEquals(raw, Base58.decode(tx.base58()));
      assertEquals(1, raw[0]);
      byte[] signature = Arrays.copyOfRange(raw, 1, 65);
      byte[] signedMessage = Arrays.copyOfRange(raw, 65, raw.length);
      assertArrayEquals(message, signedMessage);
      assertTrue(
          Ed25519.verify(signature, 0, ours.encoded(), 0, signedMessage, 0, signedMessage.length));
      assertEquals(Base58.encode(signature), tx.signature());
    }
  }

  @Test
  void rejectsAMessageOurKeyDoesNotSign() {
    byte[] message = transfer(false, Ed25519TestKey.random().publicKey().encoded());
    assertRejected(() -> SolanaMessage.parse(message, ours));
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] message = transfer(true, ours.encoded());
    assertRejected(() -> SolanaMessage.parse(Arrays.copyOf(message, message.length + 1), ours));
  }

  @Test
  void rejectsATruncatedMessage() {
    byte[] message = transfer(false, ours.encoded());
    assertRejected(() -> SolanaMessage.parse(Arrays.copyOf(message, message.length - 1), ours));
  }

  @Test
  void rejectsAnInconsistentHeader() {
    byte[] noSigner = transfer(false, ours.encoded());
    noSigner[0] = 0;
    assertRejected(() -> SolanaMessage.parse(noSigner, ours));
    byte[] readonlyPayer = transfer(false, ours.encoded());
    readonlyPayer[1] = 1;
    assertRejected(() -> SolanaMessage.parse(readonlyPayer, ours));
  }

  @Test
  void rejectsADuplicateAccountKey() {
    byte[] message = transfer(false, ours.encoded());
    System.arraycopy(ours.encoded(), 0, message, 4 + 32, 32);
    assertRejected(() -> SolanaMessage.parse(message, ours));
  }

  @Test
  void rejectsAnAccountIndexOutOfRange() {
    byte[] legacy = transfer(false, ours.encoded());
    // In the legacy message there is no lookup table: index 3 is out of range.
    int accountIndex = 4 + 3 * 32 + 32 + 1 + 1 + 1 + 1;
    legacy[accountIndex] = 3;
    assertRejected(() -> SolanaMessage.parse(legacy, ours));
  }

  @Test
  void rejectsANonCanonicalCompactU16() {
    byte[] message = transfer(false, ours.encoded());
    byte[] bad = new byte[message.length + 1];
    System.arraycopy(message, 0, bad, 0, 3);
    bad[3] = (byte) 0x83;
    bad[4] = 0;
    System.arraycopy(message, 4, bad, 5, message.length - 4);
    assertRejected(() -> SolanaMessage.parse(bad, ours));
  }

  @Test
  void rejectsAnUnsupportedVersion() {
    byte[] message = transfer(true, ours.encoded());
    message[0] = (byte) 0x81;
    assertRejected(() -> SolanaMessage.parse(message, ours));
  }

  @Test
  void rejectsAnOversizedMessage() {
    assertRejected(() -> SolanaMessage.parse(new byte[SolanaMessage.MAX_BYTES + 1], ours));
  }

  @Test
  void refusesASignatureThatDoesNotVerify() {
    SolanaMessage parsed = SolanaMessage.parse(transfer(false, ours.encoded()), ours);
    byte[] wrong = Ed25519TestKey.random().sign(parsed.bytesToSign());
    assertThrows(IllegalArgumentException.class, () -> parsed.sign(wrong, ours));
  }

  private static void assertRejected(Executable run) {
    ChainFormatException e = assertThrows(ChainFormatException.class, run);
    assertEquals("message", e.field(), e.getMessage());
  }
}
