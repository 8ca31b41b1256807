/**
 * Solana: Base58 addresses of ed25519 keys, a strict parser of legacy and v0 transaction messages
 * that finds our signer slot, and the signed transaction in its wire form.
 */
package org.planbok.wallet.chain.solana;
