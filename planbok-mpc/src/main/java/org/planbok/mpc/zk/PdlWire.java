package org.planbok.mpc.zk;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;
import org.planbok.mpc.zk.PaillierDlogProof.LinkRound;
import org.planbok.mpc.zk.PaillierDlogProof.RangeRound;

/**
 * The canonical encoding of {@link PaillierDlogProof}: C, then each range round (W, value, blind),
 * then each link round (c̃, P̃, R̃, d, g, u). Decoding is strict: fixed round counts, field sizes
 * bounded by the proof's ranges, canonical points, no trailing bytes.
 */
final class PdlWire {
  private static final PedersenGroup PED = PedersenGroup.INSTANCE;
  private static final int SCALAR_BYTES = 48;
  private static final int RANGE_BYTES = (PaillierDlogProof.RANGE_BITS + 7) / 8;
  private static final int LINK_BYTES = (PaillierDlogProof.LINK_BITS + 7) / 8;
  private static final int MODULUS_BYTES = 256;
  private static final int CIPHER_BYTES = 512;
  private static final int SECP_POINT_BYTES = 33;

  private PdlWire() {}

  static byte[] encode(PaillierDlogProof proof) {
    WireWriter out = new WireWriter().bytes(PED.encode(proof.commitment()));
    for (RangeRound r : proof.rangeRounds()) {
      out.bytes(PED.encode(r.mask())).integer(r.value()).integer(r.blind());
    }
    for (LinkRound l : proof.linkRounds()) {
      out.integer(l.cipher())
          .bytes(PED.encode(l.pedersen()))
          .bytes(Secp256k1.INSTANCE.encode(l.point()))
          .integer(l.value())
          .integer(l.blind())
          .integer(l.randomness());
    }
    return out.toBytes();
  }

  static PaillierDlogProof decode(byte[] bytes) {
    WireReader in = new WireReader(bytes);
    ECPoint c = pedersenPoint(in);
    List<RangeRound> range = new ArrayList<>(PaillierDlogProof.RANGE_ROUNDS);
    for (int j = 0; j < PaillierDlogProof.RANGE_ROUNDS; j++) {
      ECPoint mask = pedersenPoint(in);
      BigInteger value = in.integer(RANGE_BYTES);
      range.add(new RangeRound(mask, value, in.integer(SCALAR_BYTES)));
    }
    List<LinkRound> link = new ArrayList<>(PaillierDlogProof.LINK_ROUNDS);
    for (int i = 0; i < PaillierDlogProof.LINK_ROUNDS; i++) {
      BigInteger cipher = in.integer(CIPHER_BYTES);
      ECPoint ped = pedersenPoint(in);
      ECPoint point = Secp256k1.INSTANCE.decode(in.fixedBytes(SECP_POINT_BYTES));
      BigInteger value = in.integer(LINK_BYTES);
      BigInteger blind = in.integer(SCALAR_BYTES);
      link.add(new LinkRound(cipher, ped, point, value, blind, in.integer(MODULUS_BYTES)));
    }
    in.end();
    return new PaillierDlogProof(c, range, link);
  }

  private static ECPoint pedersenPoint(WireReader in) {
    return PED.decode(in.fixedBytes(PedersenGroup.ENCODED_LENGTH));
  }
}
