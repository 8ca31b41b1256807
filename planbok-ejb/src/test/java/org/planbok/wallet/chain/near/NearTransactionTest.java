package org.planbok.wallet.chain.near;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.Ed25519TestKey;
import org.planbok.wallet.chain.Hex;

class NearTransactionTest {
  /** RFC 8032 §7.1 test 1. */
  private static final String RFC8032_SECRET =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

  private static final String RFC8032_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  private final Ed25519TestKey key = Ed25519TestKey.random();
  private final Ed25519Key ours = key.publicKey();

  /** Borsh of a transfer plus a function call from {@code signer} with {@code publicKey}. */
  private static byte[] transaction(String signer, byte[] publicKey, byte[] extraAction) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    string(b, signer);
    b.write(0);
    b.writeBytes(publicKey);
    b.writeBytes(Hex.bytes("0100000000000000")); // nonce 1
    string(b, "wrap.near");
    b.writeBytes(Hex.bytes("11".repeat(32)));
    b.writeBytes(Hex.bytes(extraAction == null ? "02000000" : "03000000"));
    b.write(3); // Transfer 1 NEAR = 10^24 yocto
    b.writeBytes(Hex.bytes("000000a1edccce1bc2d3000000000000"));
    b.write(2); // FunctionCall near_deposit({}) with 30 Tgas and no deposit
    string(b, "near_deposit");
    string(b, "{}");
    b.writeBytes(Hex.bytes("00e057eb481b0000"));
    b.writeBytes(new byte[16]);
    if (extraAction != null) {
      b.writeBytes(extraAction);
    }
    return b.toByteArray();
  }

  private static void string(ByteArrayOutputStream b, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    b.writeBytes(new byte[] {(byte) utf8.length, 0, 0, 0});
    b.writeBytes(utf8);
  }

  @Test
  void implicitAccountAndKeyFormsOfTheRfc8032Key() {
    Ed25519Key key = new Ed25519TestKey(Hex.bytes(RFC8032_SECRET)).publicKey();
    assertEquals(RFC8032_PUBLIC, Hex.of(key.encoded()));
    assertEquals(RFC8032_PUBLIC, NearAccount.implicitAccountId(key));
    String form = NearAccount.publicKey(key);
    assertTrue(form.startsWith("ed25519:"));
    assertEquals(RFC8032_PUBLIC, Hex.of(Base58.decode(form.substring(8))));
  }

  /** Our key check is BouncyCastle's RFC 8032 verifier; the RFC's own signature passes. */
  @Test
  void verifiesTheRfc8032Signature() {
    Ed25519Key key = new Ed25519Key(Hex.bytes(RFC8032_PUBLIC));
    byte[] sig =
        Hex.bytes(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bac"
                + "c61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    assertTrue(key.verifies(sig, new byte[0]));
  }

  @Test
  void signsTheSha256OfTheTransactionAndAppendsTheBorshSignature() throws Exception {
    String implicit = NearAccount.implicitAccountId(ours);
    byte[] tx = transaction(implicit, ours.encoded(), null);
    NearTransaction parsed = NearTransaction.parse(tx, ours);
    assertEquals(implicit, parsed.signerId());
    assertEquals("wrap.near", parsed.receiverId());
    assertEquals(2, parsed.actionCount());
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(tx);
    assertArrayEquals(hash, parsed.hash());

    byte[] signed = parsed.sign(key.sign(parsed.hash()), ours);

    assertArrayEquals(tx, Arrays.copyOf(signed, tx.length));
    assertEquals(0, signed[tx.length]);
    assertEquals(tx.length + 65, signed.length);
    byte[] sig = Arrays.copyOfRange(signed, tx.length + 1, signed.length);
    assertTrue(Ed25519.verify(sig, 0, ours.encoded(), 0, hash, 0, hash.length));
  }

  @Test
  void acceptsANamedSignerAndEveryActionType() {
    ByteArrayOutputStream more = new ByteArrayOutputStream();
    more.write(5); // AddKey with a function-call permission
    more.write(0);
    more.writeBytes(new byte[32]);
    more.writeBytes(new byte[8]);
    more.write(0);
    more.write(1);
    more.writeBytes(new byte[16]);
    string(more, "app.near");
    more.writeBytes(new byte[] {1, 0, 0, 0});
    string(more, "play");
    NearTransaction parsed =
        NearTransaction.parse(transaction("alice.near", ours.encoded(), more.toByteArray()), ours);
    assertEquals(3, parsed.actionCount());
  }

  @Test
  void rejectsATransactionForAnotherKey() {
    byte[] other = Ed25519TestKey.random().publicKey().encoded();
    assertRejected(
        "transaction.publicKey",
        () -> NearTransaction.parse(transaction("alice.near", other, null), ours));
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] tx = transaction("alice.near", ours.encoded(), null);
    assertRejected(
        "transaction.actions", () -> NearTransaction.parse(Arrays.copyOf(tx, tx.length + 1), ours));
  }

  @Test
  void rejectsATruncatedTransaction() {
    byte[] tx = transaction("alice.near", ours.encoded(), null);
    assertThrows(
        ChainFormatException.class,
        () -> NearTransaction.parse(Arrays.copyOf(tx, tx.length - 3), ours));
  }

  @Test
  void rejectsAnUnsupportedAction() {
    assertRejected(
        "transaction.actions[2]",
        () ->
            NearTransaction.parse(transaction("alice.near", ours.encoded(), new byte[] {8}), ours));
  }

  @Test
  void rejectsAnInvalidAccountId() {
    assertRejected(
        "transaction.signerId",
        () -> NearTransaction.parse(transaction("Alice..near", ours.encoded(), null), ours));
  }

  @Test
  void refusesASignatureThatDoesNotVerify() {
    NearTransaction parsed =
        NearTransaction.parse(transaction("alice.near", ours.encoded(), null), ours);
    byte[] overBytesNotHash = key.sign(transaction("alice.near", ours.encoded(), null));
    assertThrows(IllegalArgumentException.class, () -> parsed.sign(overBytesNotHash, ours));
  }

  private static void assertRejected(String field, Executable run) {
    ChainFormatException e = assertThrows(ChainFormatException.class, run);
    assertEquals(field, e.field(), e.getMessage());
  }
}
