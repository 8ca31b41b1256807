package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.transcript.Transcript;

/**
 * PDL with range: a non-interactive proof that {@code c_key = Enc_N(x; r)} and {@code Q = x·G} on
 * secp256k1 for one integer x with |x| &lt; 2^{@value #RANGE_BITS}. P1 (Node 2) sends it in Lindell
 * 2017 key generation (ePrint 2017/552 §3.2 and §6, "proof that c_key encrypts the discrete log of
 * Q1"); the structure follows cb-mpc's zk-proofs spec, "PDL" over "Paillier range exp slack" (a
 * Pedersen commitment proven equal to the Paillier plaintext and proven in range), with our own
 * parameters. Fiat–Shamir binds sid, prover party, aux, curve names, N, c_key, Q and every first
 * message.
 *
 * <p>Why not CGGMP21 Π_log* (§6.2): its range soundness needs ring-Pedersen parameters the prover
 * cannot trapdoor, i.e. a modulus from the verifier (P2) with Π_prm, which adds a message to key
 * generation. Why not a proof in Z*_{N²} alone: P1 knows the group order there, so integer
 * responses only pin the plaintext down to a rational a/b mod N (a cheater with b = 2 passes half
 * the challenges and later learns a bit of P2's nonce per signature). A Pedersen commitment in a
 * group of public prime order ω that nobody can trapdoor fixes the integer.
 *
 * <p>The proof, with P-384 Pedersen commitments C = x·G' + ρ·H' ({@link PedersenGroup}):
 *
 * <ol>
 *   <li><b>Range</b> (cut-and-choose, Boudot 2000 / Lindell 2017 App. A style, binary challenges):
 *       {@value #RANGE_ROUNDS} rounds W_j = w_j·G' + r_j·H'; challenge bit 0 opens W_j, bit 1 opens
 *       W_j + C, both with value in [0, 2^{@value #RANGE_BITS}). Two openings of one round give C's
 *       value as an integer of absolute value below 2^{@value #RANGE_BITS}; soundness 2^-128 per
 *       random-oracle query.
 *   <li><b>Link</b> (sigma protocol over Paillier, P-384 and secp256k1 at once, {@value
 *       #LINK_ROUNDS} rounds with challenges e_i &lt; α = 2^13): first messages Enc(τ_i; s_i),
 *       τ_i·G' + σ_i·H', τ_i·G; responses d_i = τ_i + e_i·x &lt; 2^{@value #LINK_BITS}, σ_i +
 *       e_i·ρ, s_i·r^e_i. Two accepting answers e ≠ e' give (e − e')·(Dec(c_key) − x) ≡ 0 (mod N)
 *       with the integer x from the range part (all values stay below ω/2 = 2^383, so the P-384
 *       relation holds over the integers), and 0 &lt; |e − e'| &lt; α is a unit mod N because
 *       {@link PaillierKeyProof} excluded prime factors below α: so Dec(c_key) ≡ x and Q = x·G.
 *       Error α^-10 = 2^-130. This relies on gcd(N, φ(N)) = 1 (every ciphertext has a unique
 *       plaintext), which {@link PaillierKeyProof} proves; verify it first.
 * </ol>
 *
 * <p>Zero knowledge: masks exceed what they hide by 2^{@value #SLACK_BITS}, so the statistical
 * distance is below 138·2^-96 &lt; 2^-88; Paillier first messages are semantically secure.
 *
 * <p>Slack: an honest x lies in [0, q); a cheater can at most use |x| &lt; 2^352 ≈ q·2^96 (e.g. x +
 * q passes). Lindell's sign step masks with ρ·q, ρ &lt; q²: with b = k2⁻¹·r &lt; q the carry b·x
 * &lt; 2^608 is hidden by ρ·q ≈ 2^768 up to 2^-160, and ρ·q + q + b·x &lt; 2^770 ≪ N, so the slack
 * is harmless; a negative x only wraps mod N when ρ·q &lt; b·|x|, probability 2^-160.
 *
 * <p>Cost on the 2-core dev machine: see the package documentation.
 *
 * @param commitment C, the P-384 Pedersen commitment to x
 * @param rangeRounds the cut-and-choose rounds
 * @param linkRounds the rounds tying C to c_key and Q
 */
public record PaillierDlogProof(
    ECPoint commitment, List<RangeRound> rangeRounds, List<LinkRound> linkRounds) {
  public static final int RANGE_ROUNDS = 128;
  public static final int LINK_ROUNDS = 10;

  /** Bits of the statistical slack that hides x in every response. */
  public static final int SLACK_BITS = 96;

  /** Bits of a challenge of the link part: log2 α. */
  public static final int LINK_CHALLENGE_BITS = 13;

  /** Range responses lie in [0, 2^RANGE_BITS). */
  public static final int RANGE_BITS = 256 + SLACK_BITS;

  /** Link responses d_i lie in [0, 2^LINK_BITS). */
  public static final int LINK_BITS = 256 + LINK_CHALLENGE_BITS + SLACK_BITS;

  /**
   * One cut-and-choose round: W = w·G' + r·H', and the opening of W (bit 0) or of W + C (bit 1).
   */
  public record RangeRound(ECPoint mask, BigInteger value, BigInteger blind) {
    public RangeRound {
      requireAll(mask, value, blind);
    }
  }

  /**
   * One link round: c̃ = Enc(τ; s), P̃ = τ·G' + σ·H', R̃ = τ·G, and the responses d = τ + e·x, g =
   * σ + e·ρ mod ω, u = s·r^e mod N.
   */
  public record LinkRound(
      BigInteger cipher,
      ECPoint pedersen,
      ECPoint point,
      BigInteger value,
      BigInteger blind,
      BigInteger randomness) {
    public LinkRound {
      requireAll(cipher, pedersen, point, value, blind, randomness);
    }
  }

  public PaillierDlogProof {
    requireAll(commitment, rangeRounds, linkRounds);
    if (rangeRounds.size() != RANGE_ROUNDS || linkRounds.size() != LINK_ROUNDS) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "PDL proof has the wrong round count");
    }
    rangeRounds = List.copyOf(rangeRounds);
    linkRounds = List.copyOf(linkRounds);
  }

  /**
   * Proves that {@code cKey = pk.encrypt(x, r)} encrypts the discrete log of {@code q}; x must lie
   * in [0, order).
   */
  public static PaillierDlogProof prove(
      PaillierSecretKey sk,
      BigInteger x,
      BigInteger r,
      BigInteger cKey,
      ECPoint q,
      SessionId sid,
      Party prover,
      byte[] aux,
      SecureRandom random) {
    if (x.signum() < 0 || x.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("x must be a scalar below the curve order");
    }
    return new PaillierDlogProver(sk, x, r, random).prove(cKey, q, sid, prover, aux);
  }

  /**
   * Verifies against P1's modulus (which must already have passed {@link PaillierKeyProof}), {@code
   * c_key} and Q. Aborts with {@link AbortReason#INVALID_PAILLIER} for an unacceptable modulus or
   * ciphertext and {@link AbortReason#BAD_PROOF} for a failed check.
   */
  public void verify(
      PaillierPublicKey pk, BigInteger cKey, ECPoint q, SessionId sid, Party prover, byte[] aux) {
    ModulusScreen.requireCheap(pk.modulus());
    pk.requireCiphertext(cKey, "c_key");
    if (q == null
        || q.isInfinity()
        || !q.getCurve().equals(Secp256k1.DOMAIN.getCurve())
        || !q.isValid()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, "Q is not a secp256k1 point");
    }
    Challenges ch = challenges(pk, cKey, q, sid, prover, aux, this);
    PdlChecks checks = new PdlChecks(pk, cKey, q, commitment);
    for (int j = 0; j < RANGE_ROUNDS; j++) {
      checks.range(rangeRounds.get(j), ch.bit(j), j);
    }
    for (int i = 0; i < LINK_ROUNDS; i++) {
      checks.link(linkRounds.get(i), ch.link(i), i);
    }
  }

  /** The Fiat–Shamir challenges: one bit per range round and a 13-bit e_i per link round. */
  record Challenges(byte[] bits, int[] links) {
    boolean bit(int j) {
      return ((bits[j >>> 3] >>> (j & 7)) & 1) == 1;
    }

    BigInteger link(int i) {
      return BigInteger.valueOf(links[i]);
    }
  }

  static Challenges challenges(
      PaillierPublicKey pk,
      BigInteger cKey,
      ECPoint q,
      SessionId sid,
      Party prover,
      byte[] aux,
      PaillierDlogProof firstMessages) {
    PedersenGroup ped = PedersenGroup.INSTANCE;
    Transcript t =
        Transcript.start("zk/paillier-dlog")
            .append("curve", Secp256k1.INSTANCE.name())
            .append("pedersen", PedersenGroup.NAME)
            .append(sid)
            .append(prover)
            .append("aux", aux)
            .append("N", pk.modulus())
            .append("c_key", cKey)
            .append("Q", Secp256k1.INSTANCE.encode(q))
            .append("C", ped.encode(firstMessages.commitment));
    for (RangeRound round : firstMessages.rangeRounds) {
      t.append("W", ped.encode(round.mask()));
    }
    for (LinkRound round : firstMessages.linkRounds) {
      t.append("c~", round.cipher())
          .append("P~", ped.encode(round.pedersen()))
          .append("R~", Secp256k1.INSTANCE.encode(round.point()));
    }
    byte[] bits = t.expand("range", RANGE_ROUNDS / 8);
    byte[] raw = t.expand("link", 2 * LINK_ROUNDS);
    int[] links = new int[LINK_ROUNDS];
    for (int i = 0; i < LINK_ROUNDS; i++) {
      links[i] = (((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff)) & ((1 << 13) - 1);
    }
    return new Challenges(bits, links);
  }

  public byte[] toBytes() {
    return PdlWire.encode(this);
  }

  public static PaillierDlogProof fromBytes(byte[] bytes) {
    return PdlWire.decode(bytes);
  }

  @Override
  public String toString() {
    return "PaillierDlogProof[" + RANGE_ROUNDS + " range rounds, " + LINK_ROUNDS + " link rounds]";
  }

  private static void requireAll(Object... values) {
    for (Object v : values) {
      if (v == null) {
        throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "PDL proof is incomplete");
      }
    }
  }

  static ProtocolAbort bad(String detail) {
    return new ProtocolAbort(AbortReason.BAD_PROOF, "PDL proof: " + detail);
  }
}
