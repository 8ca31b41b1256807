package org.planbok.it;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.planbok.mpc.session.Transport;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.api.TicketWanted;

/**
 * The tests as Node 1 talking to the real Node 2 over gRPC with Node 1's own certificate: what a
 * compromised Node 1, or one that misbehaves, could send. Node 2 must refuse what it should.
 */
final class Node1Link implements AutoCloseable {
  static final Metadata.Key<String> REASON =
      Metadata.Key.of("planbok-reason", Metadata.ASCII_STRING_MARSHALLER);
  private static final int PORT = Integer.getInteger("planbok.it.node2-grpc-port", 50051);

  private final ManagedChannel channel;

  private Node1Link(ManagedChannel channel) {
    this.channel = channel;
  }

  static Node1Link open() {
    try {
      TlsChannelCredentials.Builder tls =
          TlsChannelCredentials.newBuilder()
              .keyManager(Node1Identity.keyManagers())
              .trustManager(Node1Identity.certificates().resolve("node2.crt").toFile());
      return new Node1Link(NettyChannelBuilder.forAddress("localhost", PORT, tls.build()).build());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stable reason Node 2 gave with a refusal. */
  static String reasonOf(StatusRuntimeException e) {
    return e.getTrailers() == null ? null : e.getTrailers().get(REASON);
  }

  byte[] enroll(String subject, byte[] secret, byte[] ticket) {
    return enroll(subject, Purpose.PIN, secret, ticket);
  }

  byte[] enroll(String subject, Purpose purpose, byte[] secret, byte[] ticket) {
    EnrollRequest.Builder request =
        EnrollRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(purpose)
            .setSecret(ByteString.copyFrom(secret));
    if (ticket != null) {
      request.setTicket(ByteString.copyFrom(ticket));
    }
    byte[] pepper = secrets().enroll(request.build()).getPepper().toByteArray();
    SecretsSeen.add(pepper);
    return pepper;
  }

  CheckReply check(String subject, byte[] secret, TicketWanted... tickets) {
    return check(subject, Purpose.PIN, secret, tickets);
  }

  CheckReply check(String subject, Purpose purpose, byte[] secret, TicketWanted... tickets) {
    CheckRequest.Builder request =
        CheckRequest.newBuilder()
            .setSubject(subject)
            .setPurpose(purpose)
            .setSecret(ByteString.copyFrom(secret));
    for (TicketWanted t : tickets) {
      request.addTickets(t);
    }
    CheckReply reply = secrets().check(request.build());
    if (reply.hasAccepted()) {
      SecretsSeen.add(reply.getAccepted().getPepper().toByteArray());
    }
    return reply;
  }

  org.planbok.node2.api.StartRecoveryReply startRecovery(String subject, byte[] kit) {
    return secrets()
        .startRecovery(
            org.planbok.node2.api.StartRecoveryRequest.newBuilder()
                .setSubject(subject)
                .setPurpose(Purpose.EMAIL)
                .setSecret(ByteString.copyFrom(kit))
                .build());
  }

  /** One ticket for a correct secret; fails the test otherwise. */
  byte[] ticket(String subject, byte[] secret, TicketWanted wanted) {
    CheckReply reply = check(subject, secret, wanted);
    if (!reply.hasAccepted()) {
      throw new AssertionError("secret not accepted: " + reply);
    }
    return reply.getAccepted().getTickets(0).toByteArray();
  }

  FinalizeReply.State finalize(String keyId, byte[] sid, boolean commit) {
    return SessionsGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .finalize(
            FinalizeRequest.newBuilder()
                .setKeyId(keyId)
                .setSessionId(ByteString.copyFrom(sid))
                .setCommit(commit)
                .build())
        .getState();
  }

  /** Node 2's export-authorization public key (issue 12 item 4). */
  byte[] exportKey() {
    return org.planbok.node2.api.ExportsGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .exportKey(org.planbok.node2.api.ExportKeyRequest.getDefaultInstance())
        .getPublicKey()
        .toByteArray();
  }

  /** A fresh export challenge for the subject's key. */
  byte[] exportChallenge(String subject, String keyId) {
    return org.planbok.node2.api.ExportsGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .exportChallenge(
            org.planbok.node2.api.ExportChallengeRequest.newBuilder()
                .setSubject(subject)
                .setKeyId(keyId)
                .build())
        .getChallenge()
        .toByteArray();
  }

  Stream session(SessionOpen open) {
    return new Stream(open);
  }

  private SecretsGrpc.SecretsBlockingStub secrets() {
    return SecretsGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One session stream: send a round, receive the next, a refusal is thrown as its status. */
  final class Stream implements Transport, AutoCloseable {
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private ClientCallStreamObserver<SessionFrame> outbox;

    Stream(SessionOpen open) {
      SessionsGrpc.newStub(channel)
          .withDeadlineAfter(60, TimeUnit.SECONDS)
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

    SessionDone done() {
      SessionDone done = next().getDone();
      outbox.onCompleted();
      return done;
    }

    private SessionFrame next() {
      try {
        Object item = inbox.poll(60, TimeUnit.SECONDS);
        if (item instanceof SessionFrame frame) {
          return frame;
        }
        if (item instanceof StatusRuntimeException e) {
          throw e;
        }
        throw new AssertionError("expected a frame from Node 2, got " + item);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    @Override
    public void close() {
      outbox.cancel("test done", null);
    }
  }
}
