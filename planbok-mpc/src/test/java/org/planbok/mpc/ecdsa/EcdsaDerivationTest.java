package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.params.MainNetParams;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.Bip32;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.hd.DerivedKey;
import org.planbok.mpc.hd.ExtendedPublicKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.SessionId;

/**
 * Derivation from the joint (Q, cc) agrees with bitcoinj's BIP32 on the public-only key and on the
 * reconstructed private key; children sign under their tweak and export to the matching scalar.
 */
class EcdsaDerivationTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void randomPathsAgreeWithBitcoinj() {
    for (int k = 0; k < 10; k++) {
      EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(k), random);
      EcdsaP2KeyShare p2 = keys.p2();
      BigInteger x = keys.p1().xA().add(p2.xB()).mod(Secp256k1.N);
      DeterministicKey pubRoot =
          HDKeyDerivation.createMasterPubKeyFromBytes(
              p2.publicKey().getEncoded(true), p2.chainCode());
      DeterministicKey privRoot =
          HDKeyDerivation.createMasterPrivKeyFromBytes(Secp256k1.scalarBytes(x), p2.chainCode());
      assertEquals(
          ExtendedPublicKey.root(p2.publicKey(), p2.chainCode()).toBase58(),
          pubRoot.serializePubB58(MainNetParams.get()));
      for (int j = 0; j < 10; j++) {
        DerivationPath path = randomPath();
        DerivedKey ours = Bip32.derive(p2.publicKey(), p2.chainCode(), path);
        DeterministicKey theirsPub = derive(pubRoot, path);
        DeterministicKey theirsPriv = derive(privRoot, path);
        assertEquals(theirsPub.serializePubB58(MainNetParams.get()), ours.key().toBase58());
        assertEquals(theirsPriv.serializePubB58(MainNetParams.get()), ours.key().toBase58());
        assertEquals(theirsPriv.getPrivKey(), x.add(ours.tweak()).mod(Secp256k1.N));
        assertReconstructs(keys, ours, theirsPriv.getPrivKeyBytes());
      }
    }
  }

  @Test
  void derivedChildSignsUnderItsTweak() {
    EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(1), random);
    DerivedKey child =
        Bip32.derive(
            keys.p2().publicKey(), keys.p2().chainCode(), DerivationPath.parse("m/44/60/0/0/3"));
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    SignRequest request = new SignRequest("k".getBytes(), digest, child.tweak());
    EcdsaSignature sig = EcdsaRun.signature(EcdsaRun.sign(keys, request, random));
    IndependentVerifiers.assertValid(sig, child.publicKey(), digest);
  }

  @Test
  void refusesToReleaseAFrozenShare() {
    EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(2), random);
    EcdsaSignRejectionTest.assertAbort(
        AbortReason.KEY_FROZEN,
        () -> EcdsaKeyExport.maskedRelease(keys.p1().freeze(), SessionId.random(random), random));
  }

  /** The masked release over the wire: the device's sum of both parts is the child key. */
  private void assertReconstructs(EcdsaRun.Keys keys, DerivedKey child, byte[] expected) {
    SessionId sid = SessionId.random(random);
    MaskedExport node2 = EcdsaKeyExport.maskedRelease(keys.p1(), sid, random);
    ExportMask mask = ExportMask.fromBytes(node2.mask().toBytes());
    byte[] m1 = EcdsaKeyExport.node1Part(keys.p2(), sid, mask, child.tweak());
    BigInteger x = MaskedExport.combine(ExportCurve.SECP256K1, m1, node2.node2Part());
    assertArrayEquals(Secp256k1.scalarBytes(new BigInteger(1, expected)), Secp256k1.scalarBytes(x));
    assertEquals(
        child.publicKey().normalize(), Secp256k1.INSTANCE.multiplyGenerator(x).normalize());
  }

  private DerivationPath randomPath() {
    int depth = 1 + random.nextInt(5);
    int[] indices = new int[depth];
    for (int i = 0; i < depth; i++) {
      indices[i] = random.nextBoolean() ? random.nextInt(100) : random.nextInt() & 0x7fffffff;
    }
    return DerivationPath.of(indices);
  }

  private static DeterministicKey derive(DeterministicKey root, DerivationPath path) {
    DeterministicKey key = root;
    for (int i : path.indices()) {
      key = HDKeyDerivation.deriveChildKey(key, new ChildNumber(i, false));
    }
    return key;
  }
}
