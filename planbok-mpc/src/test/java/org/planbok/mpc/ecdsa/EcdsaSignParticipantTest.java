package org.planbok.mpc.ecdsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.SessionId;

/**
 * ECDSA signing over the byte-level contract, as Node 2 plays P1: the caller's check before {@code
 * c3} is decrypted, and a freeze that ends the session with nothing sent.
 */
class EcdsaSignParticipantTest {
  private static final byte[] KEY_ID = "key-contract".getBytes();
  private final SecureRandom random = new SecureRandom();
  private final EcdsaRun.Keys keys = TestKeys.dealt(TestKeys.paillier(3), random);

  @Test
  void anHonestRunIsFiveMessagesFromCommitmentToSignature() {
    SessionId sid = SessionId.random(random);
    SignRequest request = request();
    AtomicInteger checks = new AtomicInteger();
    EcdsaSignP1 p1 = new EcdsaSignP1(keys.p1(), sid, request, random, checks::incrementAndGet);
    EcdsaSignP2 p2 = new EcdsaSignP2(keys.p2(), sid, request, random);
    List<byte[]> transcript = InMemoryNetwork.run(p1, p2);
    assertEquals(5, transcript.size(), "commitment, nonce, opening, c3 and the signature");
    assertEquals(1, checks.get(), "checked once, before decrypting");
    SignOutcome.Signed signed = assertInstanceOf(SignOutcome.Signed.class, p1.outcome());
    assertEquals(signed.signature(), p2.outcome());
  }

  @Test
  void rejectsTheSessionWhenTheCheckBeforeDecryptingRefuses() {
    SessionId sid = SessionId.random(random);
    SignRequest request = request();
    EcdsaSignP1 p1 =
        new EcdsaSignP1(
            keys.p1(),
            sid,
            request,
            random,
            () -> {
              throw new IllegalStateException("the key froze in another session");
            });
    EcdsaSignP2 p2 = new EcdsaSignP2(keys.p2(), sid, request, random);
    assertThrows(IllegalStateException.class, () -> InMemoryNetwork.run(p1, p2));
    assertFalse(p1.done());
    assertFalse(p2.done());
  }

  @Test
  void aCraftedC3FreezesTheKeyAndNothingIsSent() {
    SessionId sid = SessionId.random(random);
    SignRequest request = request();
    EcdsaSignP1 p1 = new EcdsaSignP1(keys.p1(), sid, request, random);
    EcdsaSignP2 p2 = new EcdsaSignP2(keys.p2(), sid, request, random);
    PaillierPublicKey pk = keys.p2().paillierKey();
    List<byte[]> transcript =
        InMemoryNetwork.run(
            p1,
            p2,
            (number, message) -> {
              if (number != 4) {
                return message;
              }
              BigInteger c3 = SignPartial.fromBytes(message).c3();
              BigInteger probe = pk.encrypt(BigInteger.TWO.pow(200), random);
              return new SignPartial(sid, pk.add(c3, probe)).toBytes();
            });
    assertEquals(4, transcript.size(), "no signature follows c3");
    assertTrue(p1.done());
    assertFalse(p2.done());
    SignOutcome.Frozen frozen = assertInstanceOf(SignOutcome.Frozen.class, p1.outcome());
    assertTrue(frozen.frozenShare().frozen());
  }

  private SignRequest request() {
    byte[] digest = new byte[32];
    random.nextBytes(digest);
    return new SignRequest(KEY_ID, digest, BigInteger.valueOf(3));
  }
}
