package org.planbok.node2client;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.planbok.custody.entity.Subject;
import org.planbok.node2.api.PoliciesGrpc;
import org.planbok.node2.api.PublishPolicyRequest;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.organization.entity.OrganizationId;

/**
 * Node 1's client for Node 2's record of signing policies: publishes a scope's current policy hash
 * (or its removal) whenever it changes, so that Node 2 can check the decision statement of every
 * SIGN ticket against it.
 */
@ApplicationScoped
public class Node2Policies {
  @Inject @Node2 ManagedChannel channel;

  @Inject UnaryCalls calls;

  /** The scope's policy is now the one with this hash ({@code hash} null: it has none). */
  public void publish(
      Subject scope, OrganizationId organization, byte[] hash, long version, boolean rawDigest) {
    PublishPolicyRequest.Builder request =
        PublishPolicyRequest.newBuilder()
            .setScope(scope.value())
            .setPresent(hash != null)
            .setVersion(version)
            .setRawDigest(rawDigest);
    if (!scope.isOrganization()) {
      request.setOrganization(organization.toString());
    }
    if (hash != null) {
      request.setHash(ByteString.copyFrom(hash));
    }
    PublishPolicyRequest built = request.build();
    calls.call(
        (d, w) -> {
          PoliciesGrpc.PoliciesBlockingStub stub =
              PoliciesGrpc.newBlockingStub(channel).withDeadline(d);
          return (w ? stub.withWaitForReady() : stub).publish(built);
        });
  }

  static org.planbok.node2.api.PolicyStatement statement(PolicyStatement s) {
    return org.planbok.node2.api.PolicyStatement.newBuilder()
        .setPolicyHash(ByteString.copyFrom(s.policyHash()))
        .setDecision(s.decision())
        .setRule(s.rule())
        .setPayloadKind(s.payloadKind())
        .setPayloadHash(ByteString.copyFrom(s.payloadHash()))
        .setPayload(ByteString.copyFrom(s.payload()))
        .build();
  }
}
