package org.planbok.node2.sessions.boundary;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.logging.Logger;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.sessions.control.Node2Party;
import org.planbok.node2.sessions.control.SessionParties;
import org.planbok.node2.sessions.control.SessionRefused;
import org.planbok.node2.sessions.control.SessionRequest;

/**
 * One session on one stream: the first frame opens it, each round goes to the party, the party's
 * replies go back; the end (done, refused, or abandoned by Node 1) is audited once. gRPC delivers a
 * stream's frames one at a time, so this object needs no locking.
 */
final class SessionStream implements StreamObserver<SessionFrame> {
  private static final Logger LOG = Logger.getLogger(SessionStream.class.getName());

  private final SessionParties parties;
  private final AuditLog audit;
  private final StreamObserver<SessionFrame> out;
  private SessionRequest request;
  private Node2Party party;
  private boolean ended;
  private final long startedAt = System.nanoTime();

  SessionStream(SessionParties parties, AuditLog audit, StreamObserver<SessionFrame> out) {
    this.parties = parties;
    this.audit = audit;
    this.out = out;
  }

  @Override
  public void onNext(SessionFrame frame) {
    if (ended) {
      return;
    }
    try {
      if (party == null) {
        open(frame);
      } else if (frame.hasRound()) {
        round(frame.getRound().toByteArray());
      } else {
        throw new SessionRefused(
            RefusalReason.PROTOCOL_VIOLATION, "expected a round, got " + frame.getBodyCase());
      }
    } catch (RuntimeException e) {
      refuse(e);
    }
  }

  private void open(SessionFrame frame) {
    if (!frame.hasOpen()) {
      throw new SessionRefused(
          RefusalReason.PROTOCOL_VIOLATION, "a session starts with SessionOpen");
    }
    request = SessionRequests.from(frame.getOpen());
    party = parties.partyFor(request);
    send(party.opening());
    if (!ended) {
      party.afterOpening();
    }
  }

  private void round(byte[] message) {
    send(party.onMessage(message));
  }

  private void send(Node2Party.Step step) {
    if (step.reply() != null) {
      sendRound(step.reply());
    }
    if (step.finished()) {
      Node2Party.Result result = party.result();
      out.onNext(
          SessionFrame.newBuilder()
              .setDone(
                  SessionDone.newBuilder()
                      .setKeyId(result.keyId())
                      .setPublicKey(ByteString.copyFrom(result.publicKey()))
                      .setDevicePart(ByteString.copyFrom(result.devicePart())))
              .build());
      out.onCompleted();
      finish("DONE", "");
    }
  }

  private void sendRound(byte[] message) {
    out.onNext(SessionFrame.newBuilder().setRound(ByteString.copyFrom(message)).build());
  }

  private void refuse(RuntimeException e) {
    RefusalReason reason = SessionRefusals.reasonOf(e);
    out.onError(SessionRefusals.toStatus(e));
    finish(
        reason == null ? "FAILED" : reason.name(),
        reason == null ? "internal error" : e.getMessage());
  }

  @Override
  public void onError(Throwable t) {
    if (!ended) {
      finish("ABANDONED", "Node 1 ended the stream: " + Status.fromThrowable(t).getCode());
    }
  }

  @Override
  public void onCompleted() {
    if (!ended) {
      out.onError(
          SessionRefusals.toStatus(
              new SessionRefused(
                  RefusalReason.PROTOCOL_VIOLATION,
                  "Node 1 ended the stream before the protocol did")));
      finish("ABANDONED", "Node 1 completed the stream before the protocol ended");
    }
  }

  private void finish(String outcome, String detail) {
    ended = true;
    if (party != null) {
      party.close();
    }
    long micros = (System.nanoTime() - startedAt) / 1000;
    String operation =
        request == null ? "session" : "session." + request.operation().name().toLowerCase();
    String sid = request == null ? "-" : request.sid().hex();
    String subject = request == null ? "-" : request.keyId().value();
    LOG.fine(() -> operation + " " + sid + " " + outcome + " in " + micros + " µs");
    try {
      audit.append(sid, operation, subject, outcome, detail + " (" + micros + " µs)");
    } catch (RuntimeException e) {
      LOG.warning(() -> "could not audit session " + sid + ": " + e.getMessage());
    }
  }
}
