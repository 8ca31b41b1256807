package org.planbok.mpc.ot;

import java.util.Arrays;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.EdPoint;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * The κ base OTs: Chou and Orlandi, "The Simplest Protocol for Oblivious Transfer" (LATINCRYPT
 * 2015, §3), in the prime-order subgroup of edwards25519, as random OT of 16-byte keys:
 *
 * <pre>
 * S: a ← Z_ℓ, A = a·G                       S → R  A
 * R: b_i ← Z_ℓ, B_i = b_i·G + c_i·A          R → S  B_0 … B_{κ−1}
 * S: k0_i = H(i, A, B_i, a·B_i),  k1_i = H(i, A, B_i, a·(B_i − A))
 * R: k_{c_i} = H(i, A, B_i, b_i·A)
 * </pre>
 *
 * In the extension the roles swap: {@link OtReceiver} is S here and {@link OtSender} is R with
 * choice bits c = Δ. H is SHA-256 over a {@link Transcript} binding the session id, the index i and
 * the transcript points A and B_i (CO15 keys its hash with (A, B); the analyses of Genç, Iovino and
 * Rial, ePrint 2017/370, and Hauck and Loss, ePrint 2017/1011, rely on it), truncated to κ = 128
 * bits.
 *
 * <p>What it gives, against a malicious peer, in the random-oracle model:
 *
 * <ul>
 *   <li>Receiver security, perfect: for any A in the group, B_i is uniform whatever c_i, so S
 *       learns nothing about Δ. A is validated into the prime-order subgroup and not the identity
 *       ({@link Ed25519#decode}); a small-order component in A would otherwise let S test c_i.
 *   <li>Sender security, computational (CDH): a receiver that knew both a·B_i and a·(B_i − A) would
 *       know a·A, the square Diffie–Hellman of A, so it learns at most one key per OT; the other is
 *       a random-oracle output it never queried. Binding i, A and B_i keeps keys of different
 *       indices and sessions unrelated, even if R repeats a B_i.
 * </ul>
 *
 * <p>What it does not give: UC security. Genç, Iovino and Rial exposed a flaw in CO15's UC proof,
 * Hauck and Loss two more, and they could repair the proof for static corruptions only under the
 * stronger Gap-DH assumption; adaptive corruptions stay unproven. Canetti, Sarkar and Wang (PKC
 * 2020) accordingly call it "not known to suffice" for UC OT extension. Nor is a malicious
 * receiver's choice well defined: it may send a B_i whose discrete-log relation to A and G it does
 * not know, and then holds neither key.
 *
 * <p>Why that suffices here: the base OTs run once per session, between the two fixed Planbok
 * nodes, in a protocol composed sequentially under a fresh session id. KOS15 uses them only as κ
 * random seed pairs with choice Δ, and needs exactly the two properties above: that the extension
 * sender holds one seed of each pair (else it learns the receiver's choices) and that the receiver
 * learns nothing about Δ (else it learns both messages). A base-OT receiver that "knows neither
 * key" merely holds a useless seed and makes its own checks fail. We claim standalone security
 * against static malicious corruption in the random-oracle model, not a UC composition theorem.
 */
final class SimplestOt {
  static final Ed25519 GROUP = Ed25519.INSTANCE;

  /** Bytes of a base-OT key: κ = 128 bits, the AES-128 key of one column's PRG. */
  static final int KEY_BYTES = 16;

  private SimplestOt() {}

  /** k = H(sid, i, A, B_i, P) truncated to 16 bytes. */
  static byte[] key(SessionId sid, int i, byte[] offer, byte[] choice, EdPoint shared) {
    byte[] digest =
        Transcript.start("ot/base-key")
            .append(sid)
            .append("i", i)
            .append("A", offer)
            .append("B", choice)
            .append("P", shared.encode())
            .digest();
    byte[] key = Arrays.copyOf(digest, KEY_BYTES);
    Arrays.fill(digest, (byte) 0);
    return key;
  }
}
