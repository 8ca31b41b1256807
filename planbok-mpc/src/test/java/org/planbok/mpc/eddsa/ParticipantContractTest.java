package org.planbok.mpc.eddsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.InMemoryNetwork;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.session.Transport;

/**
 * The one contract every party offers ({@code Participant}): the first message or none, then a
 * reply to each message until done, then the outcome; played here over {@link Transport#play} on
 * two threads, as the two nodes play it over gRPC, and over the in-memory network.
 */
class ParticipantContractTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] KEY_ID = "contract".getBytes(StandardCharsets.UTF_8);

  @Test
  void bothSidesOfTheSeedKeyGenerationPlayTheSameLoopOverABlockingTransport() throws Exception {
    SessionId sid = SessionId.random(RANDOM);
    BlockingQueue<byte[]> toP1 = new LinkedBlockingQueue<>();
    BlockingQueue<byte[]> toP2 = new LinkedBlockingQueue<>();
    CompletableFuture<EddsaKeyShare> node2 =
        CompletableFuture.supplyAsync(
            () -> queues(toP2, toP1).play(new SeedKeyGenP1(sid, KEY_ID, RANDOM)));
    EddsaKeyShare p2 = queues(toP1, toP2).play(new SeedKeyGenP2(sid, KEY_ID, RANDOM));
    EddsaKeyShare p1 = node2.get(1, TimeUnit.MINUTES);
    assertArrayEquals(p1.publicKey().encode(), p2.publicKey().encode(), "one joint key");
    assertTrue(toP1.isEmpty() && toP2.isEmpty(), "every message was read");
  }

  @Test
  void theSignerWhoCommitsFirstSpeaksFirstAndOnlyItLearnsTheSignature() {
    EddsaRun.Keys keys = EddsaRun.keyGen(RANDOM);
    SessionId sid = SessionId.random(RANDOM);
    byte[] message = "pay 1 SOL".getBytes(StandardCharsets.UTF_8);
    EddsaSignP1 p1 = new EddsaSignP1(keys.p1(), sid, message, BigInteger.ZERO, RANDOM);
    EddsaSignP2 p2 = new EddsaSignP2(keys.p2(), sid, message, BigInteger.ZERO, RANDOM);
    assertTrue(p1.firstMessage().isEmpty(), "P1 waits for P2's commitment");
    List<byte[]> transcript = InMemoryNetwork.run(p2, p1);
    assertEquals(4, transcript.size());
    assertTrue(p1.done() && p2.done());
    byte[] signature = p2.outcome().toBytes();
    assertTrue(
        org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
            signature, 0, keys.p2().publicKey().encode(), 0, message, 0, message.length),
        "a standard RFC 8032 verifier accepts it");
  }

  @Test
  void rejectsAMessageAfterTheEnd() {
    EddsaRun.Keys keys = EddsaRun.keyGen(RANDOM);
    SessionId sid = SessionId.random(RANDOM);
    EddsaRefreshP1 p1 = new EddsaRefreshP1(keys.p1(), sid, RANDOM);
    EddsaRefreshP2 p2 = new EddsaRefreshP2(keys.p2(), sid, RANDOM);
    List<byte[]> transcript = InMemoryNetwork.run(p1, p2);
    ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> p2.onMessage(transcript.get(2)));
    assertEquals(AbortReason.WRONG_STATE, e.reason());
  }

  @Test
  void rejectsAskingForTheOutcomeBeforeTheEnd() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaKeyGenP1 p1 = new EddsaKeyGenP1(sid, KEY_ID, RANDOM);
    p1.firstMessage();
    assertFalse(p1.done());
    ProtocolAbort e = assertThrows(ProtocolAbort.class, p1::outcome);
    assertEquals(AbortReason.WRONG_STATE, e.reason());
  }

  @Test
  void rejectsAMessageOfAnotherRound() {
    SessionId sid = SessionId.random(RANDOM);
    EddsaKeyGenP1 p1 = new EddsaKeyGenP1(sid, KEY_ID, RANDOM);
    EddsaKeyGenP2 p2 = new EddsaKeyGenP2(sid, KEY_ID, RANDOM);
    byte[] commitment = p1.firstMessage().orElseThrow();
    p2.onMessage(commitment);
    ProtocolAbort e = assertThrows(ProtocolAbort.class, () -> p2.onMessage(commitment));
    assertEquals(AbortReason.MALFORMED_MESSAGE, e.reason());
  }

  private static Transport queues(BlockingQueue<byte[]> out, BlockingQueue<byte[]> in) {
    return new Transport() {
      @Override
      public void send(byte[] message) {
        out.add(message);
      }

      @Override
      public byte[] receive() {
        try {
          return in.poll(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
