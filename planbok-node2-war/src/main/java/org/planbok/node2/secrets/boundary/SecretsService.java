package org.planbok.node2.secrets.boundary;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.planbok.node2.api.Accepted;
import org.planbok.node2.api.CancelRecoveryReply;
import org.planbok.node2.api.CancelRecoveryRequest;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollReply;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Locked;
import org.planbok.node2.api.NotEnrolled;
import org.planbok.node2.api.Reason;
import org.planbok.node2.api.RecoveryNotReady;
import org.planbok.node2.api.RecoveryStarted;
import org.planbok.node2.api.Rejected;
import org.planbok.node2.api.RemoveReply;
import org.planbok.node2.api.RemoveRequest;
import org.planbok.node2.api.RevokeTicketsReply;
import org.planbok.node2.api.RevokeTicketsRequest;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.StartRecoveryReply;
import org.planbok.node2.api.StartRecoveryRequest;
import org.planbok.node2.api.UnlockReply;
import org.planbok.node2.api.UnlockRequest;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.grpc.Node2Service;
import org.planbok.node2.grpc.Refusals;
import org.planbok.node2.policies.control.PolicyGate;
import org.planbok.node2.policies.control.PolicyRefusal;
import org.planbok.node2.secrets.control.CheckOutcome;
import org.planbok.node2.secrets.control.EnrollRefused;
import org.planbok.node2.secrets.control.Recoveries;
import org.planbok.node2.secrets.control.SecretOracle;
import org.planbok.node2.tickets.control.Ticket;
import org.planbok.node2.tickets.control.TicketRefused;
import org.planbok.node2.tickets.control.TicketRequest;
import org.planbok.node2.tickets.control.Tickets;

/**
 * The Secrets service (DESIGN §5): enrollment and removal, the secret check with its tickets,
 * revocation of a subject's open tickets, and the delayed recoveries of the emailed kit, each a
 * thin mapping onto {@link SecretOracle}, {@link Recoveries} and {@link Tickets}. The secret and
 * the pepper pass through byte arrays zeroed before the call returns (the protobuf messages hold
 * their own copies, which only the garbage collector frees).
 */
@ApplicationScoped
@Node2Service
public class SecretsService extends SecretsGrpc.SecretsImplBase {
  private SecretOracle oracle;
  private Recoveries recoveries;
  private Tickets tickets;
  private PolicyGate policies;

  SecretsService() {
    // for the CDI proxy
  }

  @Inject
  public SecretsService(
      SecretOracle oracle, Recoveries recoveries, Tickets tickets, PolicyGate policies) {
    this.oracle = oracle;
    this.recoveries = recoveries;
    this.tickets = tickets;
    this.policies = policies;
  }

  @Override
  public void enroll(EnrollRequest request, StreamObserver<EnrollReply> reply) {
    byte[] secret = null;
    byte[] pepper = null;
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.purposeOf(subject, request.getPurpose());
      secret = SecretRequests.secret(request.getSecret());
      try {
        policies.bind(subject, request.getOrganization());
      } catch (IllegalArgumentException e) {
        throw new MalformedRequest("organization: " + e.getMessage());
      }
      pepper = oracle.enroll(subject, purpose, secret, request.getTicket().toByteArray());
      reply.onNext(EnrollReply.newBuilder().setPepper(ByteString.copyFrom(pepper)).build());
      reply.onCompleted();
    } catch (EnrollRefused e) {
      reply.onError(refusal(e));
    } catch (RuntimeException e) {
      reply.onError(failure("enrollment", e));
    } finally {
      zero(secret);
      zero(pepper);
    }
  }

  @Override
  public void check(CheckRequest request, StreamObserver<CheckReply> reply) {
    byte[] secret = null;
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.purposeOf(subject, request.getPurpose());
      List<TicketRequest> wanted =
          SecretRequests.ticketsWanted(
              subject, purpose, request.getTicketsList(), tickets.maxSignPerCheck());
      // Before the secret is checked: a refused decision costs no attempt and mints nothing.
      policies.admit(subject, wanted);
      secret = SecretRequests.secret(request.getSecret());
      reply.onNext(answer(oracle.check(subject, purpose, secret, wanted)));
      reply.onCompleted();
    } catch (PolicyRefusal e) {
      reply.onError(Refusals.refusal(Reason.POLICY_REFUSED, e.getMessage()));
    } catch (RuntimeException e) {
      reply.onError(failure("secret check", e));
    } finally {
      zero(secret);
    }
  }

  @Override
  public void revokeTickets(
      RevokeTicketsRequest request, StreamObserver<RevokeTicketsReply> reply) {
    try {
      int revoked = tickets.revokeOpen(SecretRequests.subject(request.getSubject()));
      reply.onNext(RevokeTicketsReply.newBuilder().setRevoked(revoked).build());
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(failure("ticket revocation", e));
    }
  }

  @Override
  public void startRecovery(
      StartRecoveryRequest request, StreamObserver<StartRecoveryReply> reply) {
    byte[] secret = null;
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.delayedPurpose(subject, request.getPurpose());
      secret = SecretRequests.secret(request.getSecret());
      reply.onNext(started(oracle.startRecovery(subject, purpose, secret)));
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(failure("recovery start", e));
    } finally {
      zero(secret);
    }
  }

  @Override
  public void cancelRecovery(
      CancelRecoveryRequest request, StreamObserver<CancelRecoveryReply> reply) {
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.delayedPurpose(subject, request.getPurpose());
      int cancelled = recoveries.cancel(subject, purpose, request.getTicket().toByteArray());
      reply.onNext(CancelRecoveryReply.newBuilder().setCancelled(cancelled).build());
      reply.onCompleted();
    } catch (TicketRefused e) {
      reply.onError(Refusals.refusal(Reason.BAD_TICKET, "ticket refused: " + e.reason()));
    } catch (RuntimeException e) {
      reply.onError(failure("recovery cancellation", e));
    }
  }

  @Override
  public void remove(RemoveRequest request, StreamObserver<RemoveReply> reply) {
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.removablePurpose(subject, request.getPurpose());
      boolean removed = oracle.remove(subject, purpose, request.getTicket().toByteArray());
      reply.onNext(RemoveReply.newBuilder().setRemoved(removed).build());
      reply.onCompleted();
    } catch (EnrollRefused e) {
      reply.onError(refusal(e));
    } catch (RuntimeException e) {
      reply.onError(failure("removal", e));
    }
  }

  @Override
  public void unlock(UnlockRequest request, StreamObserver<UnlockReply> reply) {
    try {
      Subject subject = SecretRequests.subject(request.getSubject());
      Purpose purpose = SecretRequests.purposeOf(subject, request.getPurpose());
      String by = SecretRequests.requestedBy(request.getRequestedBy());
      SecretOracle.Unlock unlock = oracle.unlock(subject, purpose, by);
      UnlockReply.Builder out =
          UnlockReply.newBuilder().setOutcome(UnlockReply.Outcome.valueOf(unlock.outcome().name()));
      if (unlock.nextUnlockAt() != null) {
        out.setNextUnlockAtMillis(unlock.nextUnlockAt().toEpochMilli());
      }
      reply.onNext(out.build());
      reply.onCompleted();
    } catch (RuntimeException e) {
      reply.onError(failure("unlock", e));
    }
  }

  private static StartRecoveryReply started(CheckOutcome outcome) {
    if (outcome instanceof CheckOutcome.RecoveryStarted s) {
      return StartRecoveryReply.newBuilder()
          .setStarted(
              RecoveryStarted.newBuilder()
                  .setRecoveryId(s.id())
                  .setStartedAtMillis(s.startedAt().toEpochMilli())
                  .setMaturesAtMillis(s.maturesAt().toEpochMilli())
                  .setClosesAtMillis(s.closesAt().toEpochMilli())
                  .setResumed(s.resumed()))
          .build();
    }
    CheckReply refused = answer(outcome);
    StartRecoveryReply.Builder b = StartRecoveryReply.newBuilder();
    return switch (refused.getOutcomeCase()) {
      case REJECTED -> b.setRejected(refused.getRejected()).build();
      case LOCKED -> b.setLocked(refused.getLocked()).build();
      default -> b.setNotEnrolled(NotEnrolled.getDefaultInstance()).build();
    };
  }

  private static CheckReply answer(CheckOutcome outcome) {
    if (outcome instanceof CheckOutcome.Accepted accepted) {
      try {
        Accepted.Builder a =
            Accepted.newBuilder().setPepper(ByteString.copyFrom(accepted.pepper()));
        for (Ticket ticket : accepted.tickets()) {
          a.addTickets(ByteString.copyFrom(ticket.bytes()));
        }
        Instant expiry = accepted.ticketsExpireAt();
        if (expiry != null) {
          a.setTicketsExpireAtMillis(expiry.toEpochMilli());
        }
        return CheckReply.newBuilder().setAccepted(a).build();
      } finally {
        accepted.destroy();
      }
    }
    if (outcome instanceof CheckOutcome.Rejected rejected) {
      return CheckReply.newBuilder()
          .setRejected(Rejected.newBuilder().setAttemptsLeft(rejected.attemptsLeft()))
          .build();
    }
    if (outcome instanceof CheckOutcome.Locked locked) {
      return CheckReply.newBuilder()
          .setLocked(Locked.newBuilder().setUntilMillis(locked.until().toEpochMilli()))
          .build();
    }
    if (outcome instanceof CheckOutcome.RecoveryNotReady notReady) {
      RecoveryNotReady.Builder r =
          RecoveryNotReady.newBuilder()
              .setState(
                  notReady.started()
                      ? RecoveryNotReady.State.WAITING
                      : RecoveryNotReady.State.NOT_STARTED);
      if (notReady.started()) {
        r.setMaturesAtMillis(notReady.maturesAt().toEpochMilli());
      }
      return CheckReply.newBuilder().setRecoveryNotReady(r).build();
    }
    return CheckReply.newBuilder().setNotEnrolled(NotEnrolled.getDefaultInstance()).build();
  }

  private static StatusRuntimeException refusal(EnrollRefused e) {
    return switch (e.reason()) {
      case ALREADY_ENROLLED ->
          Refusals.refusal(
              Reason.ALREADY_ENROLLED,
              "the secret is enrolled; replacing it needs an ENROLL ticket");
      case TICKET_REQUIRED ->
          Refusals.refusal(
              Reason.BAD_TICKET,
              "only the subject's unlock secret is enrolled without a ticket; this one needs an"
                  + " ENROLL ticket");
      case BAD_TICKET -> Refusals.refusal(Reason.BAD_TICKET, "ticket refused: " + e.ticketReason());
    };
  }

  private static StatusRuntimeException failure(String what, RuntimeException e) {
    if (e instanceof MalformedRequest) {
      return Refusals.refusal(Reason.PROTOCOL_VIOLATION, e.getMessage());
    }
    return Refusals.unexpected(what, e);
  }

  private static void zero(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
