package org.planbok.wallet.chain.tron;

import java.util.Arrays;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * The Protocol Buffers wire format (protobuf.dev, "Encoding"), read strictly: base 128 varints of
 * at most ten bytes in their shortest form, tags of field number and wire type, and
 * length-delimited records that must fit in what is left. Only the two wire types Tron's
 * transactions use exist here (VARINT and LEN); fixed-width types and groups are refused. Every
 * fault names {@code path}.
 */
final class ProtoReader {
  /** Wire type 0: int32, int64, uint32, uint64, sint32, sint64, bool, enum. */
  static final int VARINT = 0;

  /** Wire type 2: string, bytes, embedded messages, packed repeated fields. */
  static final int LEN = 2;

  /** Field numbers are 1 to 2^29 − 1 ("Assigning Field Numbers"). */
  private static final long MAX_FIELD_NUMBER = (1L << 29) - 1;

  private final byte[] in;
  private final String path;
  private int pos;

  ProtoReader(byte[] in, String path) {
    this.in = in;
    this.path = path;
  }

  boolean atEnd() {
    return pos == in.length;
  }

  /**
   * A tag ("Message Structure"): {@code (field_number << 3) | wire_type} as a varint. Returns the
   * field number and the wire type as {@code number << 3 | type}, both checked.
   */
  int tag() {
    long tag = varint(path);
    long number = tag >>> 3;
    int wireType = (int) (tag & 7);
    if (number == 0 || number > MAX_FIELD_NUMBER) {
      throw new ChainFormatException(path, "field number " + number + " is not valid");
    }
    if (wireType != VARINT && wireType != LEN) {
      throw new ChainFormatException(
          path, "field " + number + " has wire type " + wireType + ", which Tron does not use");
    }
    return (int) tag;
  }

  /**
   * A base 128 varint ("Base 128 Varints"): seven bits a byte, least significant group first, the
   * high bit set on every byte but the last. A 64-bit value takes at most ten bytes, the tenth
   * holding only bit 63. A longer form than needed (a trailing {@code 0x00} group) is refused: it
   * decodes to the same number but is not what protobuf writes, so the txid would differ from the
   * one Tron computes over its own serialization.
   */
  long varint(String field) {
    long value = 0;
    for (int i = 0; i < 10; i++) {
      if (pos >= in.length) {
        throw new ChainFormatException(field, "ends inside a varint");
      }
      int b = in[pos++] & 0xff;
      if (i == 9 && b > 1) {
        throw new ChainFormatException(field, "varint longer than 64 bits");
      }
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new ChainFormatException(field, "varint not in its shortest form");
        }
        return value;
      }
    }
    throw new ChainFormatException(field, "varint longer than ten bytes");
  }

  /** A LEN record's payload: a varint length, then that many bytes, which must be there. */
  byte[] lengthDelimited(String field) {
    long length = varint(field);
    if (length < 0 || length > in.length - pos) {
      throw new ChainFormatException(field, "length " + length + " runs past the end");
    }
    byte[] value = Arrays.copyOfRange(in, pos, pos + (int) length);
    pos += (int) length;
    return value;
  }
}
