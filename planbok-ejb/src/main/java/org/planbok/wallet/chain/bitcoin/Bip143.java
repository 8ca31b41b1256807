package org.planbok.wallet.chain.bitcoin;

import org.planbok.wallet.chain.Hashes;

/**
 * BIP143 signature hash for a P2WPKH input with SIGHASH_ALL: double SHA-256 of version,
 * hashPrevouts, hashSequence, the outpoint, the scriptCode {@code OP_DUP OP_HASH160 <key hash>
 * OP_EQUALVERIFY OP_CHECKSIG}, the amount spent, nSequence, hashOutputs, nLockTime and the sighash
 * type.
 */
public final class Bip143 {
  public static final int SIGHASH_ALL = 1;

  private Bip143() {}

  /** The digest input {@code index} signs, spending {@code amount} satoshi locked to keyHash. */
  public static byte[] p2wpkhSighash(
      BitcoinTransaction tx, int index, byte[] keyHash, long amount) {
    ByteWriter prevouts = new ByteWriter();
    ByteWriter sequences = new ByteWriter();
    for (BitcoinTransaction.Input in : tx.inputs()) {
      prevouts.bytes(in.outpoint());
      sequences.u32(in.sequence());
    }
    ByteWriter outputs = new ByteWriter();
    tx.outputs().forEach(o -> outputs.bytes(o.serialize()));
    BitcoinTransaction.Input input = tx.inputs().get(index);
    byte[] preimage =
        new ByteWriter()
            .u32(tx.version())
            .bytes(Hashes.doubleSha256(prevouts.toBytes()))
            .bytes(Hashes.doubleSha256(sequences.toBytes()))
            .bytes(input.outpoint())
            .varBytes(scriptCode(keyHash))
            .u64(amount)
            .u32(input.sequence())
            .bytes(Hashes.doubleSha256(outputs.toBytes()))
            .u32(tx.lockTime())
            .u32(SIGHASH_ALL)
            .toBytes();
    return Hashes.doubleSha256(preimage);
  }

  /** BIP143: the scriptCode of P2WPKH is the P2PKH script of the key hash. */
  static byte[] scriptCode(byte[] keyHash) {
    byte[] script = new byte[25];
    script[0] = 0x76;
    script[1] = (byte) 0xa9;
    script[2] = 0x14;
    System.arraycopy(keyHash, 0, script, 3, 20);
    script[23] = (byte) 0x88;
    script[24] = (byte) 0xac;
    return script;
  }
}
