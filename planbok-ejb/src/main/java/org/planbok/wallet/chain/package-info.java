/**
 * Chain formats for the wallet feature, pure functions without I/O, persistence or MPC: addresses
 * from public keys, the exact bytes or digests a chain wants signed, and the signed artifacts built
 * from a signature. {@link org.planbok.wallet.chain.Chain} documents the derivation path per chain;
 * one sub-package per chain family.
 */
package org.planbok.wallet.chain;
