/**
 * Tron: Base58Check addresses of secp256k1 keys (0x41 ‖ the EVM account id), and the TRX transfers
 * and contract calls a wallet signs, read with a strict protobuf wire-format reader of our own.
 */
package org.planbok.wallet.chain.tron;
