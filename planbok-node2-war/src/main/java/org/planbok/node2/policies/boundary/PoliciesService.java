package org.planbok.node2.policies.boundary;

import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.planbok.node2.api.PoliciesGrpc;
import org.planbok.node2.api.PublishPolicyReply;
import org.planbok.node2.api.PublishPolicyRequest;
import org.planbok.node2.api.Reason;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.api.vocabulary.SubjectKind;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.policies.control.PolicyGate;

/**
 * The Policies service: Node 1 publishes each scope's current policy hash when it changes. A
 * malformed request (unprefixed scope, a hash that is not 32 bytes, a customer without its
 * organization or bound to another) is PROTOCOL_VIOLATION and changes nothing.
 */
@ApplicationScoped
@Node2Service
public class PoliciesService extends PoliciesGrpc.PoliciesImplBase {
  static final int MAX_SCOPE = 128;

  private PolicyGate gate;

  PoliciesService() {
    // for the CDI proxy
  }

  @Inject
  public PoliciesService(PolicyGate gate) {
    this.gate = gate;
  }

  @Override
  public void publish(PublishPolicyRequest request, StreamObserver<PublishPolicyReply> reply) {
    String text = request.getScope();
    if (text.length() > MAX_SCOPE || SubjectKind.of(text).isEmpty()) {
      reply.onError(
          Refusals.refusal(Reason.PROTOCOL_VIOLATION, "scope: organization:<id> or customer:<id>"));
      return;
    }
    Subject scope = Subject.of(text);
    if (request.getPresent() && request.getHash().size() != 32) {
      reply.onError(Refusals.refusal(Reason.PROTOCOL_VIOLATION, "hash: 32 bytes"));
      return;
    }
    if (request.getPresent()
        && scope.kind() == SubjectKind.CUSTOMER
        && request.getOrganization().isEmpty()) {
      reply.onError(
          Refusals.refusal(Reason.PROTOCOL_VIOLATION, "organization: required for a customer"));
      return;
    }
    try {
      gate.publish(
          scope,
          request.getOrganization(),
          request.getPresent() ? request.getHash().toByteArray() : null,
          request.getVersion(),
          request.getRawDigest());
      reply.onNext(PublishPolicyReply.getDefaultInstance());
      reply.onCompleted();
    } catch (IllegalArgumentException e) {
      reply.onError(Refusals.refusal(Reason.PROTOCOL_VIOLATION, e.getMessage()));
    } catch (RuntimeException e) {
      reply.onError(Refusals.unexpected("policy publication", e));
    }
  }
}
