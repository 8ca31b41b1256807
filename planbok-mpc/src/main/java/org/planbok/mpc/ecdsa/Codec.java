package org.planbok.mpc.ecdsa;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.DlogProof;

/**
 * The field encodings shared by this package's messages and key-share blobs: compressed points
 * through {@link Secp256k1#decode}, scalars as exactly 32 bytes below n, Schnorr proofs as {@code A
 * ‖ z}. Every message starts with a one-field tag naming its round and the session id.
 */
final class Codec {
  static final Secp256k1 GROUP = Secp256k1.INSTANCE;
  static final int POINT_BYTES = 33;
  static final int UNCOMPRESSED_POINT_BYTES = 65;
  static final int SCALAR_BYTES = 32;
  static final int CHAIN_CODE_BYTES = 32;

  /** N² of a 2048-bit modulus: ciphertexts are at most 512 bytes. */
  static final int CIPHERTEXT_BYTES = 512;

  private Codec() {}

  static WireWriter message(int tag, SessionId sid) {
    return new WireWriter().integer(tag).bytes(sid.bytes());
  }

  /** Reads the tag and session id that open every message; aborts on a message of another kind. */
  static SessionId readHeader(WireReader in, int tag) {
    if (in.smallInt() != tag) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "message is of another round");
    }
    return SessionId.of(in.fixedBytes(SessionId.LENGTH));
  }

  static void writePoint(WireWriter out, ECPoint p) {
    out.bytes(GROUP.encode(p));
  }

  /**
   * Reads up to an uncompressed point's length so that {@link Secp256k1#decode} names the fault.
   */
  static ECPoint readPoint(WireReader in) {
    return GROUP.decode(in.bytes(UNCOMPRESSED_POINT_BYTES));
  }

  static void writeScalar(WireWriter out, BigInteger s) {
    out.bytes(Secp256k1.scalarBytes(s));
  }

  static BigInteger readScalar(WireReader in, String what) {
    return GROUP.requireScalar(new BigInteger(1, in.fixedBytes(SCALAR_BYTES)), what);
  }

  static void writeProof(WireWriter out, DlogProof proof) {
    out.bytes(proof.commitment());
    writeScalar(out, proof.response());
  }

  static DlogProof readProof(WireReader in) {
    byte[] a = in.bytes(UNCOMPRESSED_POINT_BYTES);
    BigInteger z = readScalar(in, "dlog proof response");
    return new DlogProof(a, z);
  }

  /** Checks a point handed over in memory is what {@link Secp256k1#decode} would accept. */
  static ECPoint requirePoint(ECPoint p, String what) {
    if (p == null || p.isInfinity() || !p.isValid()) {
      throw new ProtocolAbort(AbortReason.INVALID_POINT, what + " is not a point of secp256k1");
    }
    return p.normalize();
  }

  static byte[] requireLength(byte[] b, int length, String what) {
    if (b == null || b.length != length) {
      throw new ProtocolAbort(
          AbortReason.MALFORMED_MESSAGE, what + " must be " + length + " bytes");
    }
    return b.clone();
  }

  static void requireSession(SessionId expected, SessionId actual) {
    if (!expected.equals(actual)) {
      throw new ProtocolAbort(AbortReason.WRONG_SESSION, "message belongs to another session");
    }
  }

  static ProtocolAbort wrongState(String round) {
    return new ProtocolAbort(AbortReason.WRONG_STATE, round + " called out of order");
  }

  /** A key-share blob: one version byte, then the wire fields. */
  static byte[] versioned(int version, WireWriter body) {
    return concat(new byte[] {(byte) version}, body.toBytes());
  }

  /** Strips and checks the version byte of a key-share blob. */
  static WireReader readVersioned(byte[] blob, int version, String what) {
    if (blob == null || blob.length < 1 || blob[0] != (byte) version) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, what + " has an unknown version");
    }
    return new WireReader(Arrays.copyOfRange(blob, 1, blob.length));
  }

  static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
