package org.planbok.wallet.chain.bitcoin;

import java.io.ByteArrayOutputStream;

/** Little-endian writes for Bitcoin serializations. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByteWriter u32(long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)));
    }
    return this;
  }

  ByteWriter u64(long v) {
    return u32(v).u32(v >>> 32);
  }

  ByteWriter compactSize(long v) {
    if (v < 0xfd) {
      out.write((int) v);
    } else if (v <= 0xffff) {
      out.write(0xfd);
      out.write((int) v);
      out.write((int) (v >>> 8));
    } else if (v <= 0xffffffffL) {
      out.write(0xfe);
      u32(v);
    } else {
      out.write(0xff);
      u64(v);
    }
    return this;
  }

  ByteWriter bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  ByteWriter varBytes(byte[] b) {
    return compactSize(b.length).bytes(b);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
