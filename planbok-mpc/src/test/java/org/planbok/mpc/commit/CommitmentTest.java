package org.planbok.mpc.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

class CommitmentTest {
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);

  @Test
  void opensToWhatWasCommitted() {
    Commitment.Committed c = Commitment.commit("R1", sid, Party.P1, new byte[] {1, 2, 3}, random);
    c.commitment().verify("R1", sid, Party.P1, c.opening());
  }

  @Test
  void rejectsAnotherPayload() {
    Commitment.Committed c = Commitment.commit("R1", sid, Party.P1, new byte[] {1, 2, 3}, random);
    Commitment.Opening forged =
        new Commitment.Opening(new byte[] {1, 2, 4}, c.opening().randomness());
    ProtocolAbort e =
        assertThrows(ProtocolAbort.class, () -> c.commitment().verify("R1", sid, Party.P1, forged));
    assertEquals(AbortReason.BAD_COMMITMENT, e.reason());
  }

  @Test
  void rejectsOpeningInAnotherSession() {
    Commitment.Committed c = Commitment.commit("R1", sid, Party.P1, new byte[] {1}, random);
    SessionId other = SessionId.random(random);
    assertThrows(
        ProtocolAbort.class, () -> c.commitment().verify("R1", other, Party.P1, c.opening()));
  }

  @Test
  void rejectsReflectedCommitmentFromTheOtherParty() {
    Commitment.Committed c = Commitment.commit("R1", sid, Party.P1, new byte[] {1}, random);
    assertThrows(
        ProtocolAbort.class, () -> c.commitment().verify("R1", sid, Party.P2, c.opening()));
  }

  @Test
  void rejectsAnotherLabel() {
    Commitment.Committed c = Commitment.commit("R1", sid, Party.P1, new byte[] {1}, random);
    assertThrows(
        ProtocolAbort.class, () -> c.commitment().verify("Q1", sid, Party.P1, c.opening()));
  }
}
