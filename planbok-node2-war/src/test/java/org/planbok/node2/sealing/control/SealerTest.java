package org.planbok.node2.sealing.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planbok.node2.testing.Node2Beans;

class SealerTest {
  private final byte[] key = Node2Beans.randomKey();
  private final Sealer sealer = new Sealer(MasterKeys.of(key, null));
  private final byte[] share = "xA and the Paillier secret key".getBytes(UTF_8);

  @Test
  void sealsAndUnseals() {
    byte[] sealed = sealer.seal("key-share", "key-1", share);
    assertArrayEquals(share, sealer.unseal("key-share", "key-1", sealed));
    assertEquals(2 + 12 + share.length + 16, sealed.length);
    assertNotEquals(
        Base64.getEncoder().encodeToString(sealed),
        Base64.getEncoder().encodeToString(sealer.seal("key-share", "key-1", share)),
        "a fresh nonce each time");
  }

  @Test
  void rejectsTamperedBlob() {
    byte[] sealed = sealer.seal("key-share", "key-1", share);
    for (int i : new int[] {0, 1, 2, 14, sealed.length - 1}) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 1;
      assertThrows(
          SealedBlobRejected.class,
          () -> sealer.unseal("key-share", "key-1", tampered),
          "byte " + i);
    }
    assertThrows(
        SealedBlobRejected.class,
        () -> sealer.unseal("key-share", "key-1", java.util.Arrays.copyOf(sealed, 20)));
  }

  @Test
  void rejectsBlobMovedToAnotherRecord() {
    byte[] sealed = sealer.seal("key-share", "key-1", share);
    assertThrows(SealedBlobRejected.class, () -> sealer.unseal("key-share", "key-2", sealed));
  }

  @Test
  void rejectsBlobMovedToAnotherPurpose() {
    byte[] sealed = sealer.seal("key-share", "key-1", share);
    assertThrows(SealedBlobRejected.class, () -> sealer.unseal("verifier", "key-1", sealed));
  }

  @Test
  void rejectsBlobSealedUnderAnotherMasterKey() {
    byte[] sealed = new Sealer(MasterKeys.of(Node2Beans.randomKey(), null)).seal("p", "r", share);
    SealedBlobRejected e =
        assertThrows(SealedBlobRejected.class, () -> sealer.unseal("p", "r", sealed));
    assertTrue(
        e.getMessage().contains("unknown master key") || e.getMessage().contains("authenticate"));
  }

  @Test
  void unsealsWithThePreviousKeyAfterRotationAndResealsUnderTheNew() {
    byte[] old = sealer.seal("key-share", "key-1", share);
    byte[] newKey = Node2Beans.rotationKey(key);
    Sealer rotated = new Sealer(MasterKeys.of(newKey, key));
    assertArrayEquals(share, rotated.unseal("key-share", "key-1", old));
    assertFalse(rotated.isCurrent(old));
    byte[] resealed = rotated.reseal("key-share", "key-1", old);
    assertTrue(rotated.isCurrent(resealed));
    Sealer newOnly = new Sealer(MasterKeys.of(newKey, null));
    assertArrayEquals(share, newOnly.unseal("key-share", "key-1", resealed));
    assertThrows(SealedBlobRejected.class, () -> newOnly.unseal("key-share", "key-1", old));
  }

  @Test
  void refusesToStartWithoutAMasterKeyAndSaysWhatToSet() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new MasterKeys(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    assertTrue(e.getMessage().contains("planbok.node2.master-key"), e.getMessage());
    assertTrue(e.getMessage().contains("planbok.node2.master-key-file"), e.getMessage());
  }

  @Test
  void rejectsAMasterKeyOfTheWrongLengthWithoutEchoingIt() {
    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new MasterKeys(
                    Optional.of(short16), Optional.empty(), Optional.empty(), Optional.empty()));
    assertFalse(e.getMessage().contains(short16));
  }

  @Test
  void readsTheMasterKeyFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("master.key");
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    MasterKeys fromFile =
        new MasterKeys(
            Optional.empty(), Optional.of(file.toString()), Optional.empty(), Optional.empty());
    byte[] sealed = new Sealer(fromFile).seal("p", "r", share);
    assertArrayEquals(share, sealer.unseal("p", "r", sealed));
  }
}
