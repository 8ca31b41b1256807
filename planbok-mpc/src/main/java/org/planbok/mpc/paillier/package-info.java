/**
 * Paillier encryption with {@code g = N + 1} (Paillier 1999), the additively homomorphic scheme
 * that carries P1's share inside {@code c_key} in two-party ECDSA.
 */
package org.planbok.mpc.paillier;
