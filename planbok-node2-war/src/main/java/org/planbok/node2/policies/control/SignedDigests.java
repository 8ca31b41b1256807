package org.planbok.node2.policies.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.planbok.node2.api.vocabulary.PayloadKind;

/**
 * The SIGN ticket's digest recomputed from the payload Node 1 sent with its decision, for the kinds
 * where that is cheap: what a session then signs is exactly what the statement names. A secp256k1
 * ticket binds the digest signed; an ed25519 ticket binds SHA-256 of the message.
 */
final class SignedDigests {
  private SignedDigests() {}

  /**
   * The digests the ticket may bind for this payload, or empty when the kind is not recomputed
   * here; {@code null} for a kind Node 2 does not know.
   */
  static Optional<byte[][]> of(String label, byte[] payload) {
    PayloadKind kind = PayloadKind.parse(label).orElse(null);
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      // Keccak-256 of the unsigned transaction is its signing hash (EIP-1559, EIP-155).
      case EVM_TRANSACTION -> Optional.of(new byte[][] {keccak(payload)});
      // EIP-191: Keccak-256("\x19Ethereum Signed Message:\n" ‖ len ‖ message).
      case PERSONAL_SIGN ->
          Optional.of(
              new byte[][] {
                keccak(
                    concat(
                        ("\u0019Ethereum Signed Message:\n" + payload.length)
                            .getBytes(StandardCharsets.US_ASCII),
                        payload))
              });
      // ed25519 signs the message bytes themselves.
      case SOLANA_TRANSACTION -> Optional.of(new byte[][] {sha256(payload)});
      // ed25519 signs SHA-256 of the borsh transaction.
      case NEAR_TRANSACTION -> Optional.of(new byte[][] {sha256(sha256(payload))});
      // 32 bytes: signed as they are (secp256k1) or as the ed25519 message.
      case DIGEST ->
          payload.length == 32
              ? Optional.of(new byte[][] {payload.clone(), sha256(payload)})
              : Optional.of(new byte[0][]);
      // Tron's txid, the digest signed, is SHA-256 of raw_data.
      case TRON_TRANSACTION -> Optional.of(new byte[][] {sha256(payload)});
      case TYPED_DATA, PSBT -> Optional.empty();
    };
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] keccak(byte[] data) {
    KeccakDigest k = new KeccakDigest(256);
    k.update(data, 0, data.length);
    byte[] out = new byte[32];
    k.doFinal(out, 0);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
