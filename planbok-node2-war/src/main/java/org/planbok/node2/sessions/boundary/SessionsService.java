package org.planbok.node2.sessions.boundary;

import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.Reason;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.control.StagedState;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sessions.control.SessionParties;

/**
 * The Sessions service: each stream is one protocol session run by a fresh {@link SessionStream};
 * Finalize commits or abandons the share a keygen or refresh staged. Nothing about a session
 * outlives its stream, so any Node 2 replica can serve any session.
 */
@ApplicationScoped
@Node2Service
public class SessionsService extends SessionsGrpc.SessionsImplBase {
  private SessionParties parties;
  private KeyShares keyShares;
  private AuditLog audit;

  SessionsService() {
    // for the CDI proxy
  }

  @Inject
  public SessionsService(SessionParties parties, KeyShares keyShares, AuditLog audit) {
    this.parties = parties;
    this.keyShares = keyShares;
    this.audit = audit;
  }

  @Override
  public StreamObserver<SessionFrame> session(StreamObserver<SessionFrame> out) {
    return new SessionStream(parties, audit, out);
  }

  /**
   * Answers the state of the share the session staged, after committing or abandoning it as asked
   * (see {@link KeyShares#finalizeStaged}); a malformed key or session id changes nothing.
   */
  @Override
  public void finalize(FinalizeRequest request, StreamObserver<FinalizeReply> reply) {
    KeyId id;
    SessionId sid;
    try {
      id = KeyId.of(request.getKeyId());
      sid = SessionId.of(request.getSessionId().toByteArray());
    } catch (IllegalArgumentException | ProtocolAbort e) {
      reply.onError(
          Refusals.refusal(
              Reason.PROTOCOL_VIOLATION, "a key id and a 32-byte session id are required"));
      return;
    }
    try {
      StagedState state = keyShares.finalizeStaged(id, sid.hex(), request.getCommit());
      reply.onNext(
          FinalizeReply.newBuilder()
              .setState(
                  state == StagedState.COMMITTED
                      ? FinalizeReply.State.COMMITTED
                      : FinalizeReply.State.ABANDONED)
              .build());
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(SessionRefusals.toStatus(e));
    }
  }
}
