/**
 * Non-interactive zero-knowledge proofs, each bound to a session id, a party and a domain label.
 *
 * <h2>What protects P2 (Node 1) from a malicious P1 (Node 2) at ECDSA key generation</h2>
 *
 * Lindell 2017 (ePrint 2017/552 §3.2) has P1 send its Paillier modulus N and {@code c_key =
 * Enc(x_A)}; P2 later computes {@code c3} under N with its own share inside. Each attack below is
 * stopped by one check:
 *
 * <ul>
 *   <li><b>Modulus with a small factor</b> (e.g. 3·p·q): Paillier's plaintext space splits into
 *       tiny residues, the N-th-root and PDL soundness arguments (which invert challenge
 *       differences below 2^13) fail, and c3's value leaks mod the small factor. Stopped by trial
 *       division up to α = 2^13 in {@link org.planbok.mpc.zk.PaillierKeyProof} (and again, cheaply,
 *       in {@link org.planbok.mpc.zk.PaillierDlogProof}).
 *   <li><b>Modulus that is not Paillier–Blum</b> (prime, prime power, p²·q, three primes, p ≡ 1 mod
 *       4, gcd(N, φ(N)) ≠ 1): ciphertexts stop determining plaintexts uniquely, so c_key can be
 *       ambiguous and c3 can leak P2's share through its non-unique decryption. Stopped by the
 *       primality and perfect-power screen, CGGMP21 Π_mod fourth roots (two primes, both 3 mod 4)
 *       and Goldberg et al.'s N-th roots (square-free, gcd(N, φ(N)) = 1).
 *   <li><b>c_key out of range</b> (x_A + k·q with large k, or a "rational" plaintext a/b mod N): P1
 *       makes P2's c3 plaintext ρ·q + a + b·x_A wrap modulo N or exceed the ρ·q mask, then learns
 *       bits of b = k2⁻¹·r (so of P2's nonce and share) from whether the signature verifies.
 *       Stopped by the range part of {@link org.planbok.mpc.zk.PaillierDlogProof}: |x_A| &lt;
 *       2^352, with the masking argument in its Javadoc.
 *   <li><b>No PDL</b>: P1 could encrypt some x' ≠ x_A (the discrete log of Q_A) and use c3 as a
 *       decryption oracle on P2's contribution; the joint key would not be what c_key signs.
 *       Stopped by the link part of {@link org.planbok.mpc.zk.PaillierDlogProof} (c_key, a P-384
 *       Pedersen commitment and Q_A hold one integer).
 *   <li><b>Replay</b> of any proof into another session, by the other party, for another key or
 *       statement: every Fiat–Shamir transcript binds sid, prover party, aux, curve, N, c_key, Q
 *       and all first messages.
 * </ul>
 *
 * <p>Measured on the 2-core dev machine (JDK 17, single runs averaged after warm-up, not a JMH
 * benchmark): key proof prove ≈ 105 ms, verify ≈ 35 ms, 36 KB; PDL prove ≈ 105 ms, verify ≈ 165 ms,
 * 29 KB. Under load from other processes these doubled. Verification of the PDL is dominated by ten
 * {@code u^N mod N²} (≈ 9 ms each) and 128 P-384 double multiplications.
 */
package org.planbok.mpc.zk;
