package org.planbok.node2.sessions.boundary;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.sessions.control.SessionParties;

/**
 * The Sessions service: each stream is one protocol session run by a fresh {@link SessionStream};
 * Finalize commits or abandons a staged key. Nothing about a session outlives its stream, so any
 * Node 2 replica can serve any session.
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

  @Override
  public void finalize(FinalizeRequest request, StreamObserver<FinalizeReply> reply) {
    try {
      KeyId id = KeyId.of(request.getKeyId());
      if (request.getCommit()) {
        keyShares.commit(id);
      } else {
        keyShares.abandon(id);
      }
      reply.onNext(
          FinalizeReply.newBuilder()
              .setState(
                  request.getCommit()
                      ? FinalizeReply.State.COMMITTED
                      : FinalizeReply.State.ABANDONED)
              .build());
      reply.onCompleted();
    } catch (IllegalArgumentException e) {
      reply.onError(
          Status.INVALID_ARGUMENT.withDescription("key id is not valid").asRuntimeException());
    } catch (RuntimeException e) {
      reply.onError(SessionRefusals.toStatus(e));
    }
  }
}
