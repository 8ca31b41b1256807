package org.planbok.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.planbok.atrest.AtRest;
import org.planbok.atrest.DatabaseKey;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.hd.DerivationPath;

/**
 * A joint key's chain code at rest: sealed under the database key ({@link AtRest#CHAIN_CODE},
 * AES-256-GCM, associated data the key id), opened only for the one derivation that needs it and
 * zeroed after. With the chain code and one exported child key every sibling's key follows (DESIGN
 * §4), so a copy of Node 1's database must not give it away; wallets are still derived without the
 * PIN, because the database key is in Node 1's configuration, not in its database.
 */
@ApplicationScoped
public class ChainCodes {
  @Inject DatabaseKey databaseKey;

  /** For tests: chain codes sealed under {@code key}. */
  public static ChainCodes with(DatabaseKey key) {
    ChainCodes c = new ChainCodes();
    c.databaseKey = key;
    return c;
  }

  public byte[] seal(KeyId keyId, byte[] chainCode) {
    return databaseKey.seal(AtRest.CHAIN_CODE, chainCode, context(keyId));
  }

  /** The child along {@code path} of a secp256k1 key (BIP32 CKDpub). */
  public ChildKey secp256k1(JointKey key, DerivationPath path) {
    byte[] chainCode = open(key);
    try {
      return ChildKey.secp256k1(key, chainCode, path);
    } finally {
      Arrays.fill(chainCode, (byte) 0);
    }
  }

  /** Child {@code index} of an ed25519 key (Planbok's additive derivation). */
  public ChildKey ed25519(JointKey key, int index) {
    byte[] chainCode = open(key);
    try {
      return ChildKey.ed25519(key, chainCode, index);
    } finally {
      Arrays.fill(chainCode, (byte) 0);
    }
  }

  private byte[] open(JointKey key) {
    return databaseKey.open(AtRest.CHAIN_CODE, key.sealedChainCode(), context(key.id()));
  }

  private static byte[] context(KeyId keyId) {
    return ("joint-key/" + keyId).getBytes(StandardCharsets.US_ASCII);
  }
}
