package org.planbok.node2.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every name both nodes bind into bytes or rows, pinned, and every contract value mapped. */
class WireNamesTest {

  @Test
  void operationsKeepTheirTicketCodes() {
    Map<Operation, Integer> codes =
        Map.of(
            Operation.SIGN, 1,
            Operation.EXPORT, 2,
            Operation.REFRESH, 3,
            Operation.KEYGEN, 4,
            Operation.ENROLL, 5,
            Operation.CANCEL_RECOVERY, 6);
    codes.forEach(
        (op, code) -> {
          assertEquals(code, op.code());
          assertEquals(op, Operation.fromCode(code));
        });
  }

  @Test
  void everyContractOperationMapsBothWays() {
    for (Operation op : Operation.values()) {
      assertEquals(op.name(), op.wire().name());
      assertEquals(Optional.of(op), Operation.fromWire(op.wire()));
    }
    assertEquals(
        Optional.empty(),
        Operation.fromWire(org.planbok.node2.api.Operation.OPERATION_UNSPECIFIED));
    assertEquals(Operation.values().length + 2, org.planbok.node2.api.Operation.values().length);
  }

  @Test
  void curvesKeepTheirLabels() {
    assertEquals("secp256k1", Curve.SECP256K1.label());
    assertEquals("ed25519", Curve.ED25519.label());
    for (Curve c : Curve.values()) {
      assertEquals(Optional.of(c), Curve.parse(c.label()));
      assertEquals(Optional.of(c), Curve.fromWire(c.wire()));
      assertEquals(c.name(), c.wire().name());
    }
    assertEquals(Optional.empty(), Curve.parse("p256"));
    assertEquals(Optional.empty(), Curve.fromWire(org.planbok.node2.api.Curve.CURVE_UNSPECIFIED));
  }

  @Test
  void purposesKeepTheirLabels() {
    assertEquals("pin", Purpose.PIN.label());
    assertEquals("questions", Purpose.QUESTIONS.label());
    assertEquals("email", Purpose.EMAIL.label());
    assertEquals("org-secret", Purpose.ORG_SECRET.label());
    for (Purpose p : Purpose.values()) {
      assertEquals(Optional.of(p), Purpose.parse(p.label()));
      assertEquals(Optional.of(p), Purpose.fromWire(p.wire()));
      assertEquals(p.name(), p.wire().name());
      assertEquals(p.label(), p.toString());
    }
    assertEquals(Optional.empty(), Purpose.parse("PIN"));
    assertEquals(
        Optional.empty(), Purpose.fromWire(org.planbok.node2.api.Purpose.PURPOSE_UNSPECIFIED));
  }

  @Test
  void everyContractReasonIsARefusalOfTheSameName() {
    for (org.planbok.node2.api.Reason wire : org.planbok.node2.api.Reason.values()) {
      if (wire == org.planbok.node2.api.Reason.UNRECOGNIZED
          || wire == org.planbok.node2.api.Reason.REASON_UNSPECIFIED) {
        continue;
      }
      RefusalReason r = RefusalReason.named(wire.name());
      assertEquals(wire, r.wire());
    }
    assertEquals(RefusalReason.UNSPECIFIED, RefusalReason.named("SOMETHING_NEWER"));
    assertEquals(RefusalReason.UNSPECIFIED, RefusalReason.named("UNSPECIFIED"));
    assertEquals("planbok-reason", RefusalReason.TRAILER);
  }

  @Test
  void payloadKindsKeepTheirLabels() {
    assertEquals(
        "digest personal_sign typed_data evm_transaction psbt solana_transaction"
            + " near_transaction tron_transaction",
        String.join(
            " ", java.util.Arrays.stream(PayloadKind.values()).map(PayloadKind::label).toList()));
    for (PayloadKind k : PayloadKind.values()) {
      assertEquals(Optional.of(k), PayloadKind.parse(k.label()));
    }
    assertTrue(PayloadKind.parse("raw").isEmpty());
  }
}
