package org.planbok.node2client;

import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.KeyId;
import org.planbok.node2.api.ExportChallengeReply;
import org.planbok.node2.api.ExportChallengeRequest;
import org.planbok.node2.api.ExportKeyRequest;
import org.planbok.node2.api.ExportsGrpc;

/**
 * Node 1's client for Node 2's export authorization (issue 12 item 4): Node 2's export key, which
 * devices pin and seal their authorizations to, and fresh single-use export challenges. Node 1
 * relays both; it cannot read or make an authorization.
 */
@ApplicationScoped
public class Node2Exports {
  @Inject @Node2 ManagedChannel channel;

  @Inject UnaryCalls calls;

  /** A challenge Node 2 minted for one export of the subject's key, and its expiry. */
  public record Challenge(byte[] bytes, Instant expiresAt) {
    public Challenge {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** Node 2's 32-byte X25519 export-authorization public key. */
  public byte[] exportKey() {
    ExportKeyRequest request = ExportKeyRequest.getDefaultInstance();
    return calls.call((d, w) -> stub(d, w).exportKey(request)).getPublicKey().toByteArray();
  }

  /**
   * A fresh challenge for one export of the subject's key; {@link Node2Refused} {@code UNKNOWN_KEY}
   * when Node 2 holds no committed key of that subject with that id.
   */
  public Challenge challenge(Subject subject, KeyId keyId) {
    ExportChallengeRequest request =
        ExportChallengeRequest.newBuilder()
            .setSubject(subject.value())
            .setKeyId(keyId.toString())
            .build();
    ExportChallengeReply reply = calls.call((d, w) -> stub(d, w).exportChallenge(request));
    return new Challenge(
        reply.getChallenge().toByteArray(), Instant.ofEpochMilli(reply.getExpiresAtMillis()));
  }

  private ExportsGrpc.ExportsBlockingStub stub(io.grpc.Deadline deadline, boolean waitForReady) {
    ExportsGrpc.ExportsBlockingStub stub =
        ExportsGrpc.newBlockingStub(channel).withDeadline(deadline);
    return waitForReady ? stub.withWaitForReady() : stub;
  }
}
