package org.planbok.mpc.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.ProtocolAbort;

class WireTest {

  @Test
  void roundTrips() {
    byte[] msg =
        new WireWriter()
            .bytes(new byte[] {1, 2})
            .integer(BigInteger.valueOf(300))
            .text("P1")
            .toBytes();
    WireReader r = new WireReader(msg);
    assertArrayEquals(new byte[] {1, 2}, r.bytes(2));
    assertEquals(BigInteger.valueOf(300), r.integer(32));
    assertEquals("P1", r.text(8));
    r.end();
  }

  @Test
  void rejectsTrailingBytes() {
    byte[] msg = new WireWriter().integer(1).toBytes();
    byte[] longer = java.util.Arrays.copyOf(msg, msg.length + 1);
    WireReader r = new WireReader(longer);
    r.integer(4);
    assertThrows(ProtocolAbort.class, r::end);
  }

  @Test
  void rejectsOversizedField() {
    byte[] msg = new WireWriter().bytes(new byte[40]).toBytes();
    assertThrows(ProtocolAbort.class, () -> new WireReader(msg).bytes(32));
  }

  @Test
  void rejectsNonMinimalInteger() {
    byte[] msg = new WireWriter().bytes(new byte[] {0, 5}).toBytes();
    assertThrows(ProtocolAbort.class, () -> new WireReader(msg).integer(32));
  }

  @Test
  void rejectsTruncatedMessage() {
    byte[] msg = new WireWriter().bytes(new byte[10]).toBytes();
    byte[] cut = java.util.Arrays.copyOf(msg, 8);
    assertThrows(ProtocolAbort.class, () -> new WireReader(cut).bytes(10));
  }
}
