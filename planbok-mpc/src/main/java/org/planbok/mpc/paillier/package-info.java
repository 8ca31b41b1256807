/**
 * Paillier encryption with {@code g = N + 1} (Paillier 1999), the additively homomorphic scheme
 * that carries P1's share inside {@code c_key} in two-party ECDSA, and the background pools of
 * pre-generated keys ({@link org.planbok.mpc.paillier.PaillierKeyPool}) and encryption masks
 * ({@link org.planbok.mpc.paillier.MaskPool}).
 */
package org.planbok.mpc.paillier;
