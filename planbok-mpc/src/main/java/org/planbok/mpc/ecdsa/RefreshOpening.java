package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/**
 * Refresh round 3, P1 → P2: opens δA, and sends a fresh Paillier modulus N' with {@code c_key' =
 * Enc_N'(xA + δ)}, the modulus proof and the proof that {@code c_key'} hides log_G(QA + δ·G).
 */
record RefreshOpening(
    SessionId sid,
    byte[] deltaA,
    byte[] randomness,
    PaillierPublicKey paillierKey,
    BigInteger cKey,
    PaillierKeyProof keyProof,
    PaillierDlogProof cKeyProof) {
  static final int TAG = 0x33;

  public RefreshOpening {
    deltaA = Codec.requireLength(deltaA, RefreshContribution.DELTA_BYTES, "δA");
    randomness = Codec.requireLength(randomness, Commitment.RANDOMNESS_LENGTH, "opening");
  }

  Commitment.Opening opening() {
    return new Commitment.Opening(deltaA, randomness);
  }

  @Override
  public byte[] deltaA() {
    return deltaA.clone();
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid).bytes(deltaA).bytes(randomness);
    out.integer(paillierKey.modulus()).integer(cKey);
    out.bytes(keyProof.toBytes()).bytes(cKeyProof.toBytes());
    return out.toBytes();
  }

  public static RefreshOpening fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    byte[] delta = in.fixedBytes(RefreshContribution.DELTA_BYTES);
    byte[] rho = in.fixedBytes(Commitment.RANDOMNESS_LENGTH);
    PaillierPublicKey pk = new PaillierPublicKey(in.integer(PaillierPublicKey.MODULUS_BITS / 4));
    BigInteger cKey = in.integer(Codec.CIPHERTEXT_BYTES);
    PaillierKeyProof keyProof = PaillierKeyProof.fromBytes(in.bytes(KeyGenOpening.MAX_PROOF_BYTES));
    PaillierDlogProof cKeyProof =
        PaillierDlogProof.fromBytes(in.bytes(KeyGenOpening.MAX_PROOF_BYTES));
    in.end();
    return new RefreshOpening(sid, delta, rho, pk, cKey, keyProof, cKeyProof);
  }
}
