package org.planbok.node2client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbok.node2.api.Operation;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.api.vocabulary.RefusalReason;

/** A session is a blocking conversation; every way it can end becomes a clear outcome. */
class Node2SessionTest {
  private static final Duration ROUND = Duration.ofMillis(500);
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final SessionOpen OPEN =
      SessionOpen.newBuilder().setOperation(Operation.SIGN).setKeyId("k-1").build();

  private Server server;
  private ManagedChannel channel;

  @AfterEach
  void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void exchangesRoundsAndFinishes() throws Exception {
    start(new Scripted(Script.ANSWER));
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      assertArrayEquals(new byte[] {1}, session.receive());
      session.send(new byte[] {2});
      assertArrayEquals(new byte[] {3}, session.receive());
      session.send(new byte[] {4});
      Node2Session.Done done = session.awaitDone();
      assertEquals("k-1", done.keyId());
    }
  }

  @Test
  void refusalCarriesNode2sReason() throws Exception {
    start(new Scripted(Script.REFUSE_FROZEN));
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      Node2Refused e = assertThrows(Node2Refused.class, session::receive);
      assertEquals(RefusalReason.KEY_FROZEN, e.reason());
    }
  }

  @Test
  void aKeyWithItsCapOfSigningSessionsIsBusy() throws Exception {
    start(new Scripted(Script.REFUSE_BUSY));
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      Node2Refused e = assertThrows(Node2Refused.class, session::receive);
      assertEquals(RefusalReason.BUSY, e.reason());
    }
  }

  @Test
  void silentNode2IsATimeoutNotAHang() throws Exception {
    start(new Scripted(Script.SILENT));
    long started = System.nanoTime();
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      Node2Unavailable e = assertThrows(Node2Unavailable.class, session::receive);
      assertEquals(Node2Unavailable.Reason.TIMEOUT, e.reason());
    }
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0);
  }

  @Test
  void node2VanishingMidSessionIsUnreachable() throws Exception {
    Scripted node2 = new Scripted(Script.ANSWER);
    start(node2);
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      session.receive();
      server.shutdownNow();
      Node2Unavailable e = assertThrows(Node2Unavailable.class, session::receive);
      assertEquals(Node2Unavailable.Reason.UNREACHABLE, e.reason());
    }
  }

  @Test
  void closingAnUnfinishedSessionCancelsItAtNode2() throws Exception {
    Scripted node2 = new Scripted(Script.ANSWER);
    start(node2);
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      session.receive();
    }
    assertTrue(node2.cancelled.await(5, TimeUnit.SECONDS), "Node 2 saw the cancellation");
  }

  @Test
  void endingEarlyIsAProtocolViolation() throws Exception {
    start(new Scripted(Script.END_EARLY));
    try (Node2Session session = Node2Session.open(channel, OPEN, ROUND, DEADLINE)) {
      Node2Refused e = assertThrows(Node2Refused.class, session::receive);
      assertEquals(RefusalReason.PROTOCOL_VIOLATION, e.reason());
    }
  }

  private void start(SessionsGrpc.SessionsImplBase service) throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  private enum Script {
    ANSWER,
    REFUSE_FROZEN,
    REFUSE_BUSY,
    SILENT,
    END_EARLY
  }

  /** A stand-in Node 2 that follows one script: rounds 1..4, then done. */
  private static final class Scripted extends SessionsGrpc.SessionsImplBase {
    private final Script script;
    final CountDownLatch cancelled = new CountDownLatch(1);

    Scripted(Script script) {
      this.script = script;
    }

    @Override
    public StreamObserver<SessionFrame> session(StreamObserver<SessionFrame> out) {
      return new StreamObserver<>() {
        @Override
        public void onNext(SessionFrame frame) {
          switch (script) {
            case SILENT -> {}
            case END_EARLY -> out.onCompleted();
            case REFUSE_FROZEN -> {
              Metadata trailers = new Metadata();
              trailers.put(Node2Session.REASON, "KEY_FROZEN");
              out.onError(Status.FAILED_PRECONDITION.asRuntimeException(trailers));
            }
            case REFUSE_BUSY -> {
              Metadata trailers = new Metadata();
              trailers.put(Node2Session.REASON, "BUSY");
              out.onError(Status.RESOURCE_EXHAUSTED.asRuntimeException(trailers));
            }
            case ANSWER -> answer(frame, out);
          }
        }

        @Override
        public void onError(Throwable t) {
          if (Status.fromThrowable(t).getCode() == Status.Code.CANCELLED) {
            cancelled.countDown();
          }
        }

        @Override
        public void onCompleted() {}
      };
    }

    private static void answer(SessionFrame frame, StreamObserver<SessionFrame> out) {
      if (frame.hasOpen()) {
        out.onNext(round(1));
      } else if (frame.getRound().byteAt(0) == 2) {
        out.onNext(round(3));
      } else {
        out.onNext(
            SessionFrame.newBuilder().setDone(SessionDone.newBuilder().setKeyId("k-1")).build());
        out.onCompleted();
      }
    }

    private static SessionFrame round(int b) {
      return SessionFrame.newBuilder().setRound(ByteString.copyFrom(new byte[] {(byte) b})).build();
    }
  }
}
