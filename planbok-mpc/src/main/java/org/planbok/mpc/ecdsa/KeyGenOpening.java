package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.commit.Commitment;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/**
 * KeyGen round 3, P1 → P2: opens {@code (QA, π_QA, ccA)} and sends the Paillier modulus N, {@code
 * c_key = Enc(xA; r)}, the proof that N is a Paillier–Blum modulus without small factors, and the
 * proof that {@code c_key} encrypts the discrete log of QA within range.
 */
record KeyGenOpening(
    SessionId sid,
    ECPoint publicShareA,
    DlogProof proof,
    byte[] chainCodeA,
    byte[] randomness,
    PaillierPublicKey paillierKey,
    BigInteger cKey,
    PaillierKeyProof keyProof,
    PaillierDlogProof cKeyProof) {
  static final int TAG = 0x13;
  static final int MAX_PROOF_BYTES = 1 << 20;

  public KeyGenOpening {
    publicShareA = Codec.requirePoint(publicShareA, "QA");
    chainCodeA = Codec.requireLength(chainCodeA, Codec.CHAIN_CODE_BYTES, "ccA");
    randomness = Codec.requireLength(randomness, Commitment.RANDOMNESS_LENGTH, "opening");
  }

  /** The committed payload {@code QA ‖ A ‖ z ‖ ccA}: fixed-length fields, so injective. */
  static byte[] payload(ECPoint qA, DlogProof proof, byte[] ccA) {
    return Codec.concat(
        Codec.GROUP.encode(qA), proof.commitment(), Secp256k1.scalarBytes(proof.response()), ccA);
  }

  Commitment.Opening opening() {
    return new Commitment.Opening(payload(publicShareA, proof, chainCodeA), randomness);
  }

  @Override
  public byte[] chainCodeA() {
    return chainCodeA.clone();
  }

  @Override
  public byte[] randomness() {
    return randomness.clone();
  }

  public byte[] toBytes() {
    WireWriter out = Codec.message(TAG, sid);
    Codec.writePoint(out, publicShareA);
    Codec.writeProof(out, proof);
    out.bytes(chainCodeA).bytes(randomness);
    out.integer(paillierKey.modulus()).integer(cKey);
    out.bytes(keyProof.toBytes()).bytes(cKeyProof.toBytes());
    return out.toBytes();
  }

  public static KeyGenOpening fromBytes(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    SessionId sid = Codec.readHeader(in, TAG);
    ECPoint qA = Codec.readPoint(in);
    DlogProof proof = Codec.readProof(in);
    byte[] cc = in.fixedBytes(Codec.CHAIN_CODE_BYTES);
    byte[] rho = in.fixedBytes(Commitment.RANDOMNESS_LENGTH);
    PaillierPublicKey pk = new PaillierPublicKey(in.integer(PaillierPublicKey.MODULUS_BITS / 4));
    BigInteger cKey = in.integer(Codec.CIPHERTEXT_BYTES);
    PaillierKeyProof keyProof = PaillierKeyProof.fromBytes(in.bytes(MAX_PROOF_BYTES));
    PaillierDlogProof cKeyProof = PaillierDlogProof.fromBytes(in.bytes(MAX_PROOF_BYTES));
    in.end();
    return new KeyGenOpening(sid, qA, proof, cc, rho, pk, cKey, keyProof, cKeyProof);
  }
}
