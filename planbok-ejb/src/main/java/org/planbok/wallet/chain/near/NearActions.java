package org.planbok.wallet.chain.near;

import java.math.BigInteger;

/**
 * The borsh {@code Action} variants of a NEAR transaction, read to find where each ends. Delegate
 * actions (meta-transactions) and global contracts are refused: a wallet signing for its owner has
 * no use for them, and they nest a second signed payload.
 */
final class NearActions {
  private NearActions() {}

  /** Reads one action; what it moves out of the account (deposit, stake, a beneficiary). */
  static NearAction read(BorshReader r, String at) {
    int variant = r.u8(at);
    switch (variant) {
      case 0 -> {} // CreateAccount
      case 1 -> r.vec(at + ".code"); // DeployContract
      case 2 -> { // FunctionCall
        r.string(at + ".methodName");
        r.vec(at + ".args");
        r.unsigned(8, at + ".gas");
        return NearAction.deposit(r.unsigned(16, at + ".deposit"));
      }
      case 3 -> { // Transfer
        return NearAction.deposit(r.unsigned(16, at + ".deposit"));
      }
      case 4 -> { // Stake
        BigInteger stake = r.unsigned(16, at + ".stake");
        publicKey(r, at + ".publicKey");
        return NearAction.deposit(stake);
      }
      case 5 -> { // AddKey
        publicKey(r, at + ".publicKey");
        r.unsigned(8, at + ".accessKey.nonce");
        permission(r, at + ".accessKey.permission");
      }
      case 6 -> publicKey(r, at + ".publicKey"); // DeleteKey
      case 7 -> { // DeleteAccount: the whole balance goes to the beneficiary
        return new NearAction(
            BigInteger.ZERO, NearTransaction.accountId(r, at + ".beneficiaryId"), true);
      }
      default -> throw r.fail(at, "action type " + variant + " is not supported");
    }
    return NearAction.deposit(BigInteger.ZERO);
  }

  /** {@code PublicKey}: 0 ‖ 32 bytes (ed25519) or 1 ‖ 64 bytes (secp256k1). */
  private static void publicKey(BorshReader r, String at) {
    int type = r.u8(at);
    switch (type) {
      case 0 -> r.bytes(32, at);
      case 1 -> r.bytes(64, at);
      default -> throw r.fail(at, "unknown key type " + type);
    }
  }

  /** {@code FullAccess} or {@code FunctionCall {allowance: Option<u128>, receiver, methods}}. */
  private static void permission(BorshReader r, String at) {
    int type = r.u8(at);
    if (type == 1) {
      return;
    }
    if (type != 0) {
      throw r.fail(at, "unknown permission " + type);
    }
    int some = r.u8(at + ".allowance");
    if (some == 1) {
      r.unsigned(16, at + ".allowance");
    } else if (some != 0) {
      throw r.fail(at + ".allowance", "an Option tag is 0 or 1");
    }
    NearTransaction.accountId(r, at + ".receiverId");
    long methods = r.u32(at + ".methodNames");
    for (long i = 0; i < methods; i++) {
      r.string(at + ".methodNames[" + i + "]");
    }
  }
}
