package org.planbok.node2.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.node2.grpc.Refusals;

class SessionRefusalsTest {
  @Test
  void aProofThatFailsIsBadProofAndAnythingElseIsUnexpected() {
    var e = SessionRefusals.toStatus(new ProtocolAbort(AbortReason.BAD_PROOF, "proof"));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("BAD_PROOF", e.getTrailers().get(Refusals.REASON));
    assertNull(SessionRefusals.reasonOf(new IllegalStateException("bug")));
  }
}
