/**
 * Prime-order groups the protocols run over (secp256k1, and the prime-order subgroup of
 * edwards25519), with validating decoders: every point received from a peer goes through {@link
 * org.planbok.mpc.group.Group#decode}.
 */
package org.planbok.mpc.group;
