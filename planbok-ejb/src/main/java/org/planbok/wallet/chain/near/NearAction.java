package org.planbok.wallet.chain.near;

import java.math.BigInteger;

/**
 * What one action of a {@link NearTransaction} moves out of the signer's account: the yoctoNEAR it
 * attaches (a transfer's or function call's deposit, a stake) and, for {@code DeleteAccount}, the
 * beneficiary that receives the whole balance.
 */
public record NearAction(BigInteger deposit, String beneficiaryId, boolean deletesAccount) {
  static NearAction deposit(BigInteger yocto) {
    return new NearAction(yocto, null, false);
  }
}
