package org.planbok.mpc.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbok.mpc.zk.PaillierKeyProofTest.assertAbort;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;

class PaillierDlogProofTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Secp256k1 CURVE = Secp256k1.INSTANCE;
  private static final PaillierSecretKey SK = TestKeys.first();
  private static final PaillierPublicKey PK = SK.publicKey();
  private static final SessionId SID = SessionId.random(RANDOM);
  private static final byte[] AUX = "key-1".getBytes();
  private static final BigInteger X = CURVE.randomScalar(RANDOM);
  private static final ECPoint Q = CURVE.multiplyGenerator(X);
  private static final BigInteger R = PK.randomUnit(RANDOM);
  private static final BigInteger C_KEY = PK.encrypt(X, R);
  private static final PaillierDlogProof PROOF =
      PaillierDlogProof.prove(SK, X, R, C_KEY, Q, SID, Party.P1, AUX, RANDOM);

  @Test
  void honestProofVerifies() {
    PROOF.verify(PK, C_KEY, Q, SID, Party.P1, AUX);
  }

  @Test
  void roundTripsThroughBytes() {
    PaillierDlogProof decoded = PaillierDlogProof.fromBytes(PROOF.toBytes());
    assertEquals(PROOF, decoded);
    decoded.verify(PK, C_KEY, Q, SID, Party.P1, AUX);
  }

  @Test
  void rejectsWrongSessionId() {
    assertAbort(
        AbortReason.BAD_PROOF,
        () -> PROOF.verify(PK, C_KEY, Q, SessionId.random(RANDOM), Party.P1, AUX));
  }
}
