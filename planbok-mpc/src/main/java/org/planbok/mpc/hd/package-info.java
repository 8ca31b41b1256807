/**
 * BIP32 non-hardened public derivation from the joint secp256k1 key and chain code: the child
 * public key, its chain code and the scalar tweak that one share adds at signing or export.
 */
package org.planbok.mpc.hd;
