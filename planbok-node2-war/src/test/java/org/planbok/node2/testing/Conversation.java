package org.planbok.node2.testing;

import com.google.protobuf.ByteString;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.planbok.mpc.session.Transport;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;

/** Node 1's side of a session in tests: send a frame, wait for the next, fail on a status. */
public final class Conversation implements Transport {
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private ClientCallStreamObserver<SessionFrame> outbox;

  public Conversation(Channel channel, SessionOpen open) {
    SessionsGrpc.newStub(channel)
        .session(
            new ClientResponseObserver<SessionFrame, SessionFrame>() {
              @Override
              public void beforeStart(ClientCallStreamObserver<SessionFrame> requests) {
                outbox = requests;
              }

              @Override
              public void onNext(SessionFrame value) {
                inbox.add(value);
              }

              @Override
              public void onError(Throwable t) {
                inbox.add(t);
              }

              @Override
              public void onCompleted() {
                inbox.add("completed");
              }
            });
    outbox.onNext(SessionFrame.newBuilder().setOpen(open).build());
  }

  @Override
  public void send(byte[] round) {
    outbox.onNext(SessionFrame.newBuilder().setRound(ByteString.copyFrom(round)).build());
  }

  @Override
  public byte[] receive() {
    return next().getRound().toByteArray();
  }

  public SessionDone done() {
    return next().getDone();
  }

  public void cancel() {
    outbox.cancel("test cancels", null);
  }

  private SessionFrame next() {
    try {
      Object item = inbox.poll(30, TimeUnit.SECONDS);
      if (item instanceof SessionFrame frame) {
        return frame;
      }
      if (item instanceof StatusRuntimeException e) {
        throw e;
      }
      throw new AssertionError("expected a frame, got " + item);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
