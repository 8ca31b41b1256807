package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

class PaillierKeyProofTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final PaillierSecretKey SK = TestKeys.first();
  private static final PaillierPublicKey PK = SK.publicKey();
  private static final SessionId SID = SessionId.random(RANDOM);
  private static final byte[] AUX = "key-1".getBytes();
  private static final PaillierKeyProof PROOF = PaillierKeyProof.prove(SK, SID, Party.P1, AUX);

  @Test
  void honestProofVerifies() {
    PROOF.verify(PK, SID, Party.P1, AUX);
  }

  @Test
  void honestProofsForFreshKeysVerify() {
    for (int i = 0; i < 2; i++) {
      PaillierSecretKey fresh = PaillierSecretKey.generate(2048, RANDOM);
      PaillierKeyProof.prove(fresh, SID, Party.P1, AUX)
          .verify(fresh.publicKey(), SID, Party.P1, AUX);
    }
  }

  @Test
  void roundTripsThroughBytes() {
    PaillierKeyProof decoded = PaillierKeyProof.fromBytes(PROOF.toBytes());
    assertEquals(PROOF, decoded);
    decoded.verify(PK, SID, Party.P1, AUX);
  }

  static void assertAbort(AbortReason reason, Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(reason, e.reason(), e.getMessage());
  }
}
