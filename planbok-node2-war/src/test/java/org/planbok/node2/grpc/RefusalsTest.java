package org.planbok.node2.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.Reason;

class RefusalsTest {
  /** The codes the contract's Reason enum documents, one per reason. */
  private static final Map<Reason, Status.Code> CONTRACT =
      Map.ofEntries(
          Map.entry(Reason.UNKNOWN_KEY, Status.Code.NOT_FOUND),
          Map.entry(Reason.KEY_FROZEN, Status.Code.FAILED_PRECONDITION),
          Map.entry(Reason.BAD_TICKET, Status.Code.PERMISSION_DENIED),
          Map.entry(Reason.POLICY_REFUSED, Status.Code.PERMISSION_DENIED),
          Map.entry(Reason.LOCKED, Status.Code.RESOURCE_EXHAUSTED),
          Map.entry(Reason.BUSY, Status.Code.RESOURCE_EXHAUSTED),
          Map.entry(Reason.BAD_PROOF, Status.Code.INVALID_ARGUMENT),
          Map.entry(Reason.PROTOCOL_VIOLATION, Status.Code.INVALID_ARGUMENT),
          Map.entry(Reason.TIMEOUT, Status.Code.DEADLINE_EXCEEDED),
          Map.entry(Reason.KEY_EXISTS, Status.Code.ALREADY_EXISTS),
          Map.entry(Reason.ALREADY_ENROLLED, Status.Code.ALREADY_EXISTS),
          Map.entry(Reason.EXPORT_NOT_AUTHORIZED, Status.Code.PERMISSION_DENIED));

  @Test
  void everyReasonCarriesTheContractsCodeAndItsNameInTheTrailer() {
    for (Reason reason : Reason.values()) {
      if (reason == Reason.REASON_UNSPECIFIED || reason == Reason.UNRECOGNIZED) {
        continue;
      }
      StatusRuntimeException e = Refusals.refusal(reason, "why");
      assertEquals(CONTRACT.get(reason), e.getStatus().getCode(), reason.name());
      assertEquals(reason.name(), e.getTrailers().get(Refusals.REASON));
      assertEquals("why", e.getStatus().getDescription());
    }
  }

  @Test
  void rejectsARefusalWithoutAReason() {
    assertThrows(
        IllegalArgumentException.class, () -> Refusals.refusal(Reason.REASON_UNSPECIFIED, "x"));
  }

  @Test
  void anUnexpectedFailureSaysNothingOfItsCause() {
    StatusRuntimeException e =
        Refusals.unexpected("secret check", new IllegalStateException("internal detail"));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertEquals("Node 2 could not complete the secret check", e.getStatus().getDescription());
    assertEquals(null, e.getTrailers());
  }
}
