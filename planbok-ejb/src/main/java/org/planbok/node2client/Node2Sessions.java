package org.planbok.node2client;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.FinalizeReply;
import org.planbok.node2.api.FinalizeRequest;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;
import org.planbok.node2.api.vocabulary.RefusalReason;

/**
 * Opens protocol sessions with Node 2 and finalizes staged shares. A session waits at most {@code
 * planbok.node2.round-timeout-ms} (default 15 s) for each of Node 2's messages and lives at most
 * {@code planbok.node2.session-deadline-ms} (default 60 s): a silent or dead Node 2 is a clear
 * {@link Node2Unavailable}, never a hang.
 */
@ApplicationScoped
public class Node2Sessions {

  @Inject @Node2 ManagedChannel channel;

  @Inject UnaryCalls calls;

  @Inject
  @ConfigProperty(name = "planbok.node2.round-timeout-ms", defaultValue = "15000")
  long roundTimeoutMillis;

  @Inject
  @ConfigProperty(name = "planbok.node2.session-deadline-ms", defaultValue = "60000")
  long sessionDeadlineMillis;

  /** Opens the stream and sends the opening frame; close the session when done with it. */
  public Node2Session open(SessionSpec spec) {
    SessionOpen open =
        SessionOpen.newBuilder()
            .setSessionId(ByteString.copyFrom(spec.sid().bytes()))
            .setOperation(spec.operation().wire())
            .setCurve(spec.curve().contract().wire())
            .setKeyId(spec.keyId().toString())
            .setSubject(spec.subject().value())
            .setTicket(ByteString.copyFrom(spec.ticket().bytes()))
            .setMessage(ByteString.copyFrom(spec.message()))
            .setPath(pathText(spec))
            .setAuthorization(ByteString.copyFrom(spec.export().authorization()))
            .setChallenge(ByteString.copyFrom(spec.export().challenge()))
            .build();
    return Node2Session.open(
        channel,
        open,
        Duration.ofMillis(roundTimeoutMillis),
        Duration.ofMillis(sessionDeadlineMillis));
  }

  /**
   * Commits (or abandons) the share the session staged; answers Node 2's decision. Safe to repeat:
   * Node 2 answers the same again.
   */
  public StagedState finalize(KeyId keyId, SessionId sid, boolean commit) {
    FinalizeRequest request =
        FinalizeRequest.newBuilder()
            .setKeyId(keyId.toString())
            .setSessionId(ByteString.copyFrom(sid.bytes()))
            .setCommit(commit)
            .build();
    FinalizeReply reply =
        calls.call(
            (deadline, waitForReady) -> {
              SessionsGrpc.SessionsBlockingStub stub =
                  SessionsGrpc.newBlockingStub(channel).withDeadline(deadline);
              return (waitForReady ? stub.withWaitForReady() : stub).finalize(request);
            });
    return switch (reply.getState()) {
      case COMMITTED -> StagedState.COMMITTED;
      case ABANDONED -> StagedState.ABANDONED;
      default ->
          throw new Node2Refused(
              RefusalReason.PROTOCOL_VIOLATION, "Node 2 answered finalize without a state");
    };
  }

  /**
   * The path Node 2 derives the tweak from: for an export the text the device sealed into its
   * authorization, else the child key's path (empty for the root key).
   */
  private static String pathText(SessionSpec spec) {
    if (!spec.export().path().isEmpty()) {
      return spec.export().path();
    }
    return spec.path().indices().isEmpty() ? "" : spec.path().toString();
  }
}
