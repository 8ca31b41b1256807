package org.planbok.node2.exports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.node2.sealing.control.SealedKeys;

/**
 * Node 2's export-authorization key (issue 12 item 4): an X25519 key pair whose private half is 32
 * random bytes drawn once and kept sealed under the master key like Node 2's other keys ({@link
 * SealedKeys#EXPORT_AUTHORIZATION}; a master key rotation re-seals it, the key stays). Devices pin
 * SHA-256 of the public half and seal their export authorizations to it, so only Node 2 reads them:
 * neither Node 1 nor the integrator's backend that relays them.
 */
@ApplicationScoped
public class ExportKey {
  private SealedKeys sealedKeys;

  ExportKey() {
    // for the CDI proxy
  }

  @Inject
  public ExportKey(SealedKeys sealedKeys) {
    this.sealedKeys = sealedKeys;
  }

  /** The 32-byte X25519 public key. */
  public byte[] publicKey() {
    return ExportHpke.publicKey(pair());
  }

  /**
   * Opens an authorization sealed to this key with {@code challenge} as associated data; throws
   * when it was not (or is garbled). The caller zeroes the plaintext.
   */
  byte[] open(byte[] authorization, byte[] challenge) throws InvalidCipherTextException {
    return ExportHpke.open(pair(), ExportHpke.AUTHORIZATION_INFO, challenge, authorization);
  }

  private AsymmetricCipherKeyPair pair() {
    byte[] key = sealedKeys.key(SealedKeys.EXPORT_AUTHORIZATION);
    try {
      return ExportHpke.keyPair(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
