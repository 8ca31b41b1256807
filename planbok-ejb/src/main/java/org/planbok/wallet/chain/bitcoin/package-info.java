/**
 * Bitcoin: P2WPKH (bech32) and P2PKH (Base58Check) addresses, compressed WIF for export, and PSBT
 * v0 signing of P2WPKH inputs with BIP143 sighashes, finalized into a network transaction.
 */
package org.planbok.wallet.chain.bitcoin;
