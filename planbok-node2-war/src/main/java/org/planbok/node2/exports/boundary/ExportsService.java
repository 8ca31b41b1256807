package org.planbok.node2.exports.boundary;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.planbok.node2.api.ExportChallengeReply;
import org.planbok.node2.api.ExportChallengeRequest;
import org.planbok.node2.api.ExportKeyReply;
import org.planbok.node2.api.ExportKeyRequest;
import org.planbok.node2.api.ExportsGrpc;
import org.planbok.node2.api.Reason;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.exports.control.ExportChallenges;
import org.planbok.node2.exports.control.ExportKey;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.keys.entity.KeyId;

/**
 * The Exports service (issue 12 item 4): Node 2's export-authorization public key, and a fresh
 * challenge for one export of a subject's key. A malformed request is PROTOCOL_VIOLATION and stores
 * nothing; a key that is not the subject's committed key is UNKNOWN_KEY.
 */
@ApplicationScoped
@Node2Service
public class ExportsService extends ExportsGrpc.ExportsImplBase {
  static final int MAX_SUBJECT = 128;

  private ExportKey exportKey;
  private ExportChallenges challenges;

  ExportsService() {
    // for the CDI proxy
  }

  @Inject
  public ExportsService(ExportKey exportKey, ExportChallenges challenges) {
    this.exportKey = exportKey;
    this.challenges = challenges;
  }

  @Override
  public void exportKey(ExportKeyRequest request, StreamObserver<ExportKeyReply> reply) {
    try {
      reply.onNext(
          ExportKeyReply.newBuilder()
              .setPublicKey(ByteString.copyFrom(exportKey.publicKey()))
              .build());
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(Refusals.unexpected("export key", e));
    }
  }

  @Override
  public void exportChallenge(
      ExportChallengeRequest request, StreamObserver<ExportChallengeReply> reply) {
    String text = request.getSubject();
    KeyId keyId;
    try {
      keyId = KeyId.of(request.getKeyId());
    } catch (IllegalArgumentException e) {
      reply.onError(Refusals.refusal(Reason.PROTOCOL_VIOLATION, "key id is not valid"));
      return;
    }
    if (text.isBlank() || text.length() > MAX_SUBJECT) {
      reply.onError(
          Refusals.refusal(
              Reason.PROTOCOL_VIOLATION, "subject must be 1 to " + MAX_SUBJECT + " characters"));
      return;
    }
    if (SubjectKind.of(text).isEmpty()) {
      reply.onError(
          Refusals.refusal(
              Reason.PROTOCOL_VIOLATION,
              "subject must be \"customer:<id>\" or \"organization:<id>\""));
      return;
    }
    Subject subject = Subject.of(text);
    try {
      Optional<ExportChallenges.Challenge> challenge = challenges.mint(subject, keyId);
      if (challenge.isEmpty()) {
        reply.onError(Refusals.refusal(Reason.UNKNOWN_KEY, "no committed key " + keyId));
        return;
      }
      reply.onNext(
          ExportChallengeReply.newBuilder()
              .setChallenge(ByteString.copyFrom(challenge.get().bytes()))
              .setExpiresAtMillis(challenge.get().expiresAt().toEpochMilli())
              .build());
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(Refusals.unexpected("export challenge", e));
    }
  }
}
