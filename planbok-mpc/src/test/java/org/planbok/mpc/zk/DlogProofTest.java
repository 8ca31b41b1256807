package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;

class DlogProofTest {
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1 group = Secp256k1.INSTANCE;
  private final SessionId sid = SessionId.random(random);
  private final byte[] aux = "key-1".getBytes();
  private final BigInteger x = group.randomScalar(random);
  private final ECPoint q = group.multiplyGenerator(x);
  private final DlogProof proof = DlogProof.prove(group, sid, Party.P1, aux, x, q, random);

  @Test
  void honestProofVerifies() {
    proof.verify(group, sid, Party.P1, aux, q);
  }

  @Test
  void rejectsProofForAnotherPoint() {
    ECPoint other = group.multiplyGenerator(group.randomScalar(random));
    assertBad(() -> proof.verify(group, sid, Party.P1, aux, other));
  }

  @Test
  void rejectsWrongSessionId() {
    assertBad(() -> proof.verify(group, SessionId.random(random), Party.P1, aux, q));
  }

  @Test
  void rejectsWrongPartyId() {
    assertBad(() -> proof.verify(group, sid, Party.P2, aux, q));
  }

  @Test
  void rejectsWrongAux() {
    assertBad(() -> proof.verify(group, sid, Party.P1, "key-2".getBytes(), q));
  }

  @Test
  void rejectsResponseNotBelowOrder() {
    DlogProof big = new DlogProof(proof.commitment(), proof.response().add(Secp256k1.N));
    assertBad(() -> big.verify(group, sid, Party.P1, aux, q));
  }

  @Test
  void rejectsTamperedResponse() {
    DlogProof t = new DlogProof(proof.commitment(), proof.response().add(BigInteger.ONE));
    assertBad(() -> t.verify(group, sid, Party.P1, aux, q));
  }

  private static void assertBad(Runnable r) {
    ProtocolAbort e = assertThrows(ProtocolAbort.class, r::run);
    assertEquals(AbortReason.BAD_PROOF, e.reason());
  }
}
