/**
 * NEAR: implicit account ids and {@code ed25519:} keys, borsh transactions checked for our signer
 * key, their SHA-256 signing hash, and the signed transaction.
 */
package org.planbok.wallet.chain.near;
