/** Tron: Base58Check addresses of secp256k1 keys (0x41 ‖ the EVM account id). */
package org.planbok.wallet.chain.tron;
