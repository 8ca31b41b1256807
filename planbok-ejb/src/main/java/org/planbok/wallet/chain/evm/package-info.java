/**
 * Ethereum and EVM chains: EIP-55 addresses, EIP-191 {@code personal_sign} and EIP-712 typed-data
 * digests, and unsigned EIP-1559 and legacy EIP-155 transactions parsed with a strict RLP decoder
 * and assembled into signed raw transactions.
 */
package org.planbok.wallet.chain.evm;
