package org.planbok.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbok.atrest.DatabaseKey;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.organization.entity.OrganizationId;

class ChainCodesTest {
  private static final byte[] CHAIN_CODE = HexFormat.of().parseHex("c0de".repeat(16));
  private final DatabaseKey databaseKey = DatabaseKey.of(new byte[32]);
  private final ChainCodes chainCodes = ChainCodes.with(databaseKey);

  @Test
  void theStoredKeyHoldsTheChainCodeOnlySealed() {
    JointKey key =
        key(
            Curve.SECP256K1,
            Secp256k1.INSTANCE.encode(Secp256k1.INSTANCE.multiplyGenerator(BigInteger.TEN)));
    String sealed = HexFormat.of().formatHex(key.sealedChainCode());
    assertFalse(sealed.contains("c0dec0de"), sealed);
  }

  @Test
  void derivesTheSameChildrenAsTheChainCodeInTheClearWould() {
    byte[] q = Secp256k1.INSTANCE.encode(Secp256k1.INSTANCE.multiplyGenerator(BigInteger.TEN));
    JointKey ecdsa = key(Curve.SECP256K1, q);
    DerivationPath path = DerivationPath.parse("m/44/60/0/0/7");
    ChildKey child = chainCodes.secp256k1(ecdsa, path);
    assertEquals(
        Bip32.derive(Secp256k1.INSTANCE.decode(q), CHAIN_CODE, path).tweak(), child.tweak());

    byte[] a = Ed25519.INSTANCE.multiplyGenerator(BigInteger.valueOf(12345)).encode();
    JointKey eddsa = key(Curve.ED25519, a);
    Ed25519Derivation plain = new Ed25519Derivation(Ed25519.INSTANCE.decode(a), CHAIN_CODE);
    ChildKey edChild = chainCodes.ed25519(eddsa, 3);
    assertEquals(plain.tweak(3), edChild.tweak());
    assertArrayEquals(plain.childPublicKey(3).encode(), edChild.publicKey());
  }

  @Test
  void rejectsAChainCodeCopiedToAnotherKeyOrReadUnderAnotherDatabaseKey() {
    byte[] q = Secp256k1.INSTANCE.encode(Secp256k1.INSTANCE.multiplyGenerator(BigInteger.TEN));
    JointKey original = key(Curve.SECP256K1, q);
    JointKey copy =
        new JointKey(
            new KeyId(UUID.randomUUID()),
            new OrganizationId(UUID.randomUUID()),
            new Subject("customer:x"),
            Curve.SECP256K1,
            q,
            original.sealedChainCode(),
            new byte[1],
            "g",
            Instant.now());
    DerivationPath path = DerivationPath.parse("m/0");
    assertThrows(IllegalStateException.class, () -> chainCodes.secp256k1(copy, path));
    byte[] other = new byte[32];
    other[0] = 1;
    assertThrows(
        IllegalStateException.class,
        () -> ChainCodes.with(DatabaseKey.of(other)).secp256k1(original, path));
  }

  private JointKey key(Curve curve, byte[] publicKey) {
    KeyId id = new KeyId(UUID.randomUUID());
    return new JointKey(
        id,
        new OrganizationId(UUID.randomUUID()),
        new Subject("customer:x"),
        curve,
        publicKey,
        chainCodes.seal(id, CHAIN_CODE),
        new byte[1],
        "g",
        Instant.now());
  }
}
