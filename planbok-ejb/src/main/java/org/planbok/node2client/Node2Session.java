package org.planbok.node2client;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.planbok.mpc.session.Transport;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.api.vocabulary.RefusalReason;

/**
 * One protocol session with Node 2 on one bidirectional stream, used as a blocking transport: the
 * coordinator sends a round, waits for Node 2's next, and so on. Each wait has a timeout, and the
 * whole session a deadline; a silent or vanished Node 2 becomes {@link Node2Unavailable}, a refusal
 * {@link Node2Refused}. Closing a session that has not finished cancels the stream, which tells
 * Node 2 to drop whatever it staged.
 */
public final class Node2Session implements Transport, AutoCloseable {
  static final Metadata.Key<String> REASON =
      Metadata.Key.of(RefusalReason.TRAILER, Metadata.ASCII_STRING_MARSHALLER);

  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private final Duration roundTimeout;
  private ClientCallStreamObserver<SessionFrame> outbox;
  private boolean finished;

  private Node2Session(Duration roundTimeout) {
    this.roundTimeout = roundTimeout;
  }

  /** Opens the stream and sends {@code open} as its first frame. */
  public static Node2Session open(
      Channel channel, SessionOpen open, Duration roundTimeout, Duration sessionDeadline) {
    Node2Session session = new Node2Session(roundTimeout);
    SessionsGrpc.newStub(channel)
        .withDeadlineAfter(sessionDeadline.toMillis(), TimeUnit.MILLISECONDS)
        .session(session.new Inbound());
    session.outbox.onNext(SessionFrame.newBuilder().setOpen(open).build());
    return session;
  }

  /** Sends one protocol message to Node 2. */
  @Override
  public void send(byte[] round) {
    outbox.onNext(SessionFrame.newBuilder().setRound(ByteString.copyFrom(round)).build());
  }

  /** Waits for Node 2's next protocol message. */
  @Override
  public byte[] receive() {
    SessionFrame frame = next();
    if (!frame.hasRound()) {
      throw protocolViolation("expected a round from Node 2, got " + frame.getBodyCase());
    }
    return frame.getRound().toByteArray();
  }

  /**
   * How Node 2 closed a session: the key it was about, for a key generation its public key, and for
   * an export Node 2's part sealed to the device (empty otherwise), which Node 1 relays unopened.
   */
  public record Done(String keyId, byte[] publicKey, byte[] devicePart) {}

  /** Waits for Node 2's closing frame and the end of the stream. */
  public Done awaitDone() {
    SessionFrame frame = next();
    if (!frame.hasDone()) {
      throw protocolViolation("expected Node 2 to finish, got " + frame.getBodyCase());
    }
    Object end = poll();
    if (end != Completed.INSTANCE) {
      throw failure(end);
    }
    finished = true;
    outbox.onCompleted();
    SessionDone done = frame.getDone();
    return new Done(
        done.getKeyId(), done.getPublicKey().toByteArray(), done.getDevicePart().toByteArray());
  }

  /** Cancels the stream unless the session finished: Node 2 then drops anything it staged. */
  @Override
  public void close() {
    if (!finished && outbox != null) {
      outbox.cancel("Node 1 ended the session", null);
    }
  }

  private SessionFrame next() {
    Object item = poll();
    if (item instanceof SessionFrame frame) {
      return frame;
    }
    throw failure(item);
  }

  private Object poll() {
    try {
      Object item = inbox.poll(roundTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        close();
        throw new Node2Unavailable(
            Node2Unavailable.Reason.TIMEOUT,
            "Node 2 did not answer a round within " + roundTimeout.toMillis() + " ms",
            null);
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new Node2Unavailable(Node2Unavailable.Reason.TIMEOUT, "interrupted", e);
    }
  }

  private RuntimeException failure(Object item) {
    finished = true;
    if (item == Completed.INSTANCE) {
      return protocolViolation("Node 2 ended the session early");
    }
    if (item instanceof StatusRuntimeException e) {
      return fromStatus(e.getStatus(), e.getTrailers());
    }
    if (item instanceof Throwable t) {
      return fromStatus(Status.fromThrowable(t), Status.trailersFromThrowable(t));
    }
    return protocolViolation("unexpected frame");
  }

  static RuntimeException fromStatus(Status status, Metadata trailers) {
    String reason = trailers == null ? null : trailers.get(REASON);
    if (reason != null) {
      return new Node2Refused(RefusalReason.named(reason), "Node 2 refused: " + reason);
    }
    return switch (status.getCode()) {
      case DEADLINE_EXCEEDED ->
          new Node2Unavailable(
              Node2Unavailable.Reason.TIMEOUT, "the session with Node 2 ran out of time", null);
      case UNAVAILABLE, CANCELLED ->
          new Node2Unavailable(
              Node2Unavailable.Reason.UNREACHABLE, "Node 2 went away during the session", null);
      default ->
          new Node2Unavailable(
              Node2Unavailable.Reason.REFUSED,
              "Node 2 failed the session: " + status.getCode(),
              null);
    };
  }

  private static Node2Refused protocolViolation(String detail) {
    return new Node2Refused(RefusalReason.PROTOCOL_VIOLATION, detail);
  }

  private enum Completed {
    INSTANCE
  }

  private final class Inbound implements ClientResponseObserver<SessionFrame, SessionFrame> {
    @Override
    public void beforeStart(ClientCallStreamObserver<SessionFrame> requests) {
      outbox = requests;
    }

    @Override
    public void onNext(SessionFrame frame) {
      inbox.add(frame);
    }

    @Override
    public void onError(Throwable t) {
      inbox.add(t);
    }

    @Override
    public void onCompleted() {
      inbox.add(Completed.INSTANCE);
    }
  }
}
