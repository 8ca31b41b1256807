/**
 * Hierarchical derivation below a jointly generated root key: child tweaks and child public keys
 * that both parties compute alike, while the tweak is added to one share only at signing. For
 * secp256k1, BIP32 non-hardened public derivation ({@link org.planbok.mpc.hd.Bip32}); for ed25519,
 * the documented additive scheme.
 */
package org.planbok.mpc.hd;
