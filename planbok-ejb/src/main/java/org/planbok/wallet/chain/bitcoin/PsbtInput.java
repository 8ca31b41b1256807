package org.planbok.wallet.chain.bitcoin;

import java.util.Optional;

/**
 * What a PSBT input map says about the output being spent: the witness UTXO (BIP174 {@code
 * PSBT_IN_WITNESS_UTXO}) and, when the creator included it, the whole previous transaction ({@code
 * PSBT_IN_NON_WITNESS_UTXO}).
 */
public record PsbtInput(
    Optional<BitcoinTransaction.Output> witnessUtxo, Optional<BitcoinTransaction> previous) {}
