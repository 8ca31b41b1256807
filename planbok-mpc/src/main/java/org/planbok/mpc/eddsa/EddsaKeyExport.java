package org.planbok.mpc.eddsa;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.planbok.mpc.export.ExportCurve;
import org.planbok.mpc.export.ExportMask;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.hd.Ed25519Derivation;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

/**
 * The export form of an ed25519 child key (DESIGN §4 "ed25519 export, honestly"): the scalar {@code
 * a_i = a1 + a2 + t_i mod ℓ}, checked against {@code a_i·B = A_i}. Over the wire the nodes never
 * reconstruct it: P1 masks its share ({@link #maskedRelease}), P2 adds its part ({@link
 * #node1Part}), and only the device adds the two and forms the expanded key as below; {@link
 * #reconstruct(EddsaKeyShare, EddsaKeyShare, int)} is that computation in one process, for tests
 * and tools holding both shares.
 *
 * <p><b>What wallets can take.</b> Phantom, Solana keypair files ({@code solana-keygen}) and
 * MyNearWallet import a 32-byte <em>seed</em> and derive the scalar as {@code clamp(SHA-512(seed)
 * [0..32])} (RFC 8032 §5.1.5). A key made by two-party key generation exists only as a scalar, and
 * SHA-512 cannot be inverted, so <em>no seed exists</em> for it and those wallets cannot import it.
 * Our scalar is also not clamped (it is any value below ℓ), so a tool that clamps whatever it is
 * given computes a different key.
 *
 * <p>A key made from a joint seed ({@link SeedKeyGenP1}, issue 13) <em>has</em> a seed: its root is
 * clamp(SHA-512(s1 ⊕ s2)). Its export at the root also releases the seed masked like the scalar
 * ({@link #maskedSeedRelease}, {@link #node1SeedPart}): the device XORs {@code (s2 ⊕ μ) ⊕ (s1 ⊕
 * μ)}, checks the seed against the scalar, and gives the wallets their seed. Child keys (A + t·B)
 * have no seed; they export as below.
 *
 * <p><b>The export form</b> is the 64-byte <em>expanded secret key</em> {@code scalar (32 bytes LE)
 * ‖ prefix (32 bytes)}, the layout of the SHA-512 output that RFC 8032 §5.1.6 signs with, held by
 * e.g. ed25519-dalek's {@code hazmat::ExpandedSecretKey {scalar, hash_prefix}} and signed with its
 * {@code hazmat::raw_sign::<Sha512>}. Tools must build it field by field: dalek's {@code
 * ExpandedSecretKey::from_bytes} clamps the scalar and must not be used; libsodium has no import
 * for it (its {@code crypto_sign} secret key is {@code seed ‖ A}), but its {@code
 * crypto_core_ed25519_scalar_*} and {@code crypto_scalarmult_ed25519_base_noclamp} let a caller
 * sign with the standard equation. Signing follows RFC 8032 §5.1.6 with the scalar as is: {@code r
 * = SHA-512(prefix ‖ M) mod ℓ, R = r·B, S = r + SHA-512(R ‖ A_i ‖ M)·a_i mod ℓ}.
 *
 * <p>The prefix is derived, not random, so two exports of one key are identical: {@code prefix =
 * SHA-512("planbok/ed25519/export-prefix" ‖ scalar ‖ A_i)[0..32]}.
 */
public final class EddsaKeyExport {
  private static final Ed25519 G = Ed25519.INSTANCE;
  private static final byte[] PREFIX_LABEL =
      "planbok/ed25519/export-prefix".getBytes(StandardCharsets.US_ASCII);

  private final byte[] expanded;
  private final EdPoint publicKey;

  private EddsaKeyExport(byte[] expanded, EdPoint publicKey) {
    this.expanded = expanded;
    this.publicKey = publicKey;
  }

  /** The child at {@code index} of {@link Ed25519Derivation}. */
  public static EddsaKeyExport reconstruct(EddsaKeyShare p1, EddsaKeyShare p2, int index) {
    BigInteger tweak = new Ed25519Derivation(p1.publicKey(), p1.chainCode()).tweak(index);
    return reconstruct(p1, p2, tweak);
  }

  /** The key A + t·B for a tweak t in [0, ℓ) (0: the root key A). */
  public static EddsaKeyExport reconstruct(EddsaKeyShare p1, EddsaKeyShare p2, BigInteger tweak) {
    requirePair(p1, p2);
    return combine(p1.secretShare(), p2.secretShare(), p1.publicKey(), tweak);
  }

  private static EddsaKeyExport combine(
      BigInteger a1, BigInteger a2, EdPoint jointKey, BigInteger tweak) {
    if (tweak.signum() < 0 || tweak.compareTo(Ed25519.L) >= 0) {
      throw new IllegalArgumentException("tweak must be in [0, ℓ)");
    }
    BigInteger a = a1.add(a2).add(tweak).mod(Ed25519.L);
    EdPoint expected = G.add(jointKey, G.multiplyGenerator(tweak));
    EdPoint actual = G.multiplyGenerator(a);
    if (a.signum() == 0 || !G.same(actual, expected)) {
      throw new ProtocolAbort(
          AbortReason.INVALID_SCALAR, "reconstructed scalar does not match the child key");
    }
    byte[] scalar = Ed25519.scalarBytes(a);
    byte[] expanded = Arrays.copyOf(scalar, 64);
    System.arraycopy(prefix(scalar, actual.encode()), 0, expanded, 32, 32);
    Arrays.fill(scalar, (byte) 0);
    return new EddsaKeyExport(expanded, actual);
  }

  /**
   * P1's half of a masked export ({@link MaskedExport}): a fresh mask ρ for P2 and {@code a1 + ρ
   * mod ℓ} for the device.
   */
  public static MaskedExport maskedRelease(EddsaKeyShare p1, SessionId sid, SecureRandom random) {
    if (p1.party() != Party.P1) {
      throw new IllegalArgumentException("only P1 releases its share");
    }
    return MaskedExport.node2(ExportCurve.ED25519, sid, p1.secretShare(), random);
  }

  /**
   * P1's masked release with its seed part as well (issue 13): for a key made from a seed exported
   * at its root, where the exported scalar is clamp(SHA-512(s1 ⊕ s2)) itself.
   */
  public static MaskedExport maskedSeedRelease(
      EddsaKeyShare p1, SessionId sid, SecureRandom random) {
    if (p1.party() != Party.P1) {
      throw new IllegalArgumentException("only P1 releases its share");
    }
    byte[] seed = p1.seedShare();
    try {
      return MaskedExport.node2(ExportCurve.ED25519, sid, p1.secretShare(), seed, random);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** P2's seed part {@code s2 ⊕ μ} of a seed export, μ from P1's mask. */
  public static byte[] node1SeedPart(EddsaKeyShare p2, SessionId sid, ExportMask mask) {
    if (p2.party() != Party.P2) {
      throw new IllegalArgumentException("need P2's share");
    }
    byte[] seed = p2.seedShare();
    try {
      return MaskedExport.node1SeedPart(sid, mask, seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** P2's part of a masked export of the key A + t·B: {@code a2 + t − ρ mod ℓ}. */
  public static byte[] node1Part(
      EddsaKeyShare p2, SessionId sid, ExportMask mask, BigInteger tweak) {
    if (p2.party() != Party.P2) {
      throw new IllegalArgumentException("need P2's share");
    }
    return MaskedExport.node1Part(sid, ExportCurve.ED25519, mask, p2.secretShare(), tweak);
  }

  private static void requirePair(EddsaKeyShare p1, EddsaKeyShare p2) {
    if (p1.party() != Party.P1 || p2.party() != Party.P2) {
      throw new IllegalArgumentException("need P1's share and P2's share");
    }
    if (!G.same(p1.p1PublicShare(), p2.p1PublicShare())
        || !G.same(p1.p2PublicShare(), p2.p2PublicShare())
        || !MessageDigest.isEqual(p1.chainCode(), p2.chainCode())) {
      throw new ProtocolAbort(
          AbortReason.WRONG_SESSION, "the shares belong to different keys or generations");
    }
  }

  private static byte[] prefix(byte[] scalar, byte[] childKey) {
    MessageDigest h = HedgedNonce.sha512();
    h.update(PREFIX_LABEL);
    h.update(scalar);
    h.update(childKey);
    return Arrays.copyOf(h.digest(), 32);
  }

  /** The child secret scalar, 32 bytes little-endian, below ℓ, not clamped. */
  public byte[] scalar() {
    return Arrays.copyOf(expanded, 32);
  }

  /** The 64-byte expanded secret key {@code scalar ‖ prefix}. */
  public byte[] expandedSecretKey() {
    return expanded.clone();
  }

  /** The child public key A_i, 32 bytes (RFC 8032 §5.1.2). */
  public byte[] publicKey() {
    return publicKey.encode();
  }

  /** Overwrites the key material. */
  public void destroy() {
    Arrays.fill(expanded, (byte) 0);
  }

  @Override
  public String toString() {
    return "EddsaKeyExport[A_i=" + publicKey + ", key=<redacted>]";
  }
}
