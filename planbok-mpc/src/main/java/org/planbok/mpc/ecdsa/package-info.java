/**
 * Two-party ECDSA on secp256k1 after Lindell 2017 (ePrint 2017/552) with additive shares {@code x =
 * xA + xB}: key generation, signing, refresh and export. Node 2 plays {@link
 * org.planbok.mpc.session.Party#P1} (Paillier secret key, decrypts, verifies, freezes); Node 1
 * plays {@link org.planbok.mpc.session.Party#P2}.
 */
package org.planbok.mpc.ecdsa;
