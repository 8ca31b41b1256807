package org.planbok.mpc.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireWriter;

class MaskedExportTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest
  @EnumSource(ExportCurve.class)
  void theDeviceAddsBothPartsToTheChildKey(ExportCurve curve) {
    BigInteger n = curve.order();
    BigInteger xA = new BigInteger(250, RANDOM).mod(n);
    BigInteger xB = new BigInteger(250, RANDOM).mod(n);
    BigInteger t = new BigInteger(250, RANDOM).mod(n);
    SessionId sid = SessionId.random(RANDOM);
    MaskedExport node2 = MaskedExport.node2(curve, sid, xA, RANDOM);
    ExportMask overTheWire = ExportMask.fromBytes(node2.mask().toBytes());
    byte[] m1 = MaskedExport.node1Part(sid, curve, overTheWire, xB, t);
    byte[] m2 = node2.node2Part();
    assertEquals(xA.add(xB).add(t).mod(n), MaskedExport.combine(curve, m1, m2));
    assertNotEquals(xA, new BigInteger(1, m2), "Node 2's part is not its share");
    assertNotEquals(xA, overTheWire.rho(), "the mask is not the share");
    assertNotEquals(xB.add(t).mod(n), new BigInteger(1, m1), "Node 1's part is masked too");
    assertFalse(overTheWire.toString().contains(overTheWire.rho().toString(16)));
  }

  @ParameterizedTest
  @EnumSource(ExportCurve.class)
  void twoExportsOfOneShareUseFreshMasks(ExportCurve curve) {
    BigInteger xA = BigInteger.valueOf(12345);
    SessionId sid = SessionId.random(RANDOM);
    assertFalse(
        java.util.Arrays.equals(
            MaskedExport.node2(curve, sid, xA, RANDOM).node2Part(),
            MaskedExport.node2(curve, sid, xA, RANDOM).node2Part()));
  }

  @ParameterizedTest
  @EnumSource(ExportCurve.class)
  void rejectsAMaskOfAnotherSessionOrCurve(ExportCurve curve) {
    SessionId sid = SessionId.random(RANDOM);
    ExportMask mask = MaskedExport.node2(curve, sid, BigInteger.TWO, RANDOM).mask();
    ProtocolAbort wrongSession =
        assertThrows(
            ProtocolAbort.class,
            () ->
                MaskedExport.node1Part(
                    SessionId.random(RANDOM), curve, mask, BigInteger.ONE, BigInteger.ZERO));
    assertEquals(AbortReason.WRONG_SESSION, wrongSession.reason());
    ExportCurve other = curve == ExportCurve.ED25519 ? ExportCurve.SECP256K1 : ExportCurve.ED25519;
    assertThrows(
        ProtocolAbort.class,
        () -> MaskedExport.node1Part(sid, other, mask, BigInteger.ONE, BigInteger.ZERO));
  }

  @ParameterizedTest
  @EnumSource(ExportCurve.class)
  void rejectsAMaskOutOfRangeZeroOrWithTrailingBytes(ExportCurve curve) {
    SessionId sid = SessionId.random(RANDOM);
    for (BigInteger rho : new BigInteger[] {BigInteger.ZERO, curve.order()}) {
      byte[] raw = rho.toByteArray();
      byte[] fixed = new byte[32];
      System.arraycopy(
          raw,
          Math.max(0, raw.length - 32),
          fixed,
          32 - Math.min(32, raw.length),
          Math.min(32, raw.length));
      byte[] wire =
          new WireWriter()
              .text(ExportMask.LABEL)
              .bytes(sid.bytes())
              .integer(curve.code())
              .bytes(fixed)
              .bytes(new byte[0])
              .toBytes();
      ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> ExportMask.fromBytes(wire));
      assertEquals(AbortReason.INVALID_SCALAR, e.reason());
    }
    byte[] good = MaskedExport.node2(curve, sid, BigInteger.TEN, RANDOM).mask().toBytes();
    byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(ProtocolAbort.class, () -> ExportMask.fromBytes(longer));
  }

  @ParameterizedTest
  @EnumSource(ExportCurve.class)
  void partsAreThirtyTwoBytesBigEndian(ExportCurve curve) {
    assertArrayEquals(
        new byte[] {
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          1, 2
        },
        curve.bytes(BigInteger.valueOf(258)));
  }
}
