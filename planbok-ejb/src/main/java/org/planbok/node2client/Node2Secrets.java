package org.planbok.node2client;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.node2.api.CancelRecoveryRequest;
import org.planbok.node2.api.CheckReply;
import org.planbok.node2.api.CheckRequest;
import org.planbok.node2.api.EnrollRequest;
import org.planbok.node2.api.Purpose;
import org.planbok.node2.api.RecoveryNotReady;
import org.planbok.node2.api.RemoveRequest;
import org.planbok.node2.api.RevokeTicketsRequest;
import org.planbok.node2.api.SecretsGrpc;
import org.planbok.node2.api.StartRecoveryReply;
import org.planbok.node2.api.StartRecoveryRequest;
import org.planbok.node2.api.UnlockReply;
import org.planbok.node2.api.UnlockRequest;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.organization.entity.OrganizationId;

/**
 * Node 1's client for Node 2's pepper oracle (DESIGN §5): enroll or remove a subject's secret,
 * check one (getting the pepper and tickets only when it is right), revoke open tickets, and start
 * or cancel the delayed recovery of the emailed kit. Secrets and peppers travel only inside the
 * mutually authenticated TLS channel and are never logged here.
 */
@ApplicationScoped
public class Node2Secrets {
  @Inject @Node2 ManagedChannel channel;

  @Inject UnaryCalls calls;

  /**
   * Enrolls the subject's secret and returns its pepper; replacing an enrolled secret needs an
   * ENROLL ticket for the purpose, a first enrollment none ({@code ticket} null).
   */
  public byte[] enroll(Subject subject, SecretPurpose purpose, byte[] secret, Ticket ticket) {
    return enroll(subject, purpose, secret, ticket, null);
  }

  /**
   * A first enrollment that also tells Node 2 the customer's organization, whose signing policy
   * Node 2 then applies to the customer's SIGN tickets (fixed at the first enrollment).
   */
  public byte[] enroll(
      Subject subject,
      SecretPurpose purpose,
      byte[] secret,
      Ticket ticket,
      OrganizationId organization) {
    EnrollRequest.Builder request =
        EnrollRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setSecret(ByteString.copyFrom(secret));
    if (organization != null && !subject.isOrganization()) {
      request.setOrganization(organization.toString());
    }
    if (ticket != null) {
      request.setTicket(ByteString.copyFrom(ticket.bytes()));
    }
    EnrollRequest built = request.build();
    return calls.call((d, w) -> stub(d, w).enroll(built)).getPepper().toByteArray();
  }

  /** Checks the secret; on success Node 2 mints the tickets asked for. */
  public SecretCheck check(
      Subject subject, SecretPurpose purpose, byte[] secret, List<TicketWanted> tickets) {
    CheckRequest.Builder request =
        CheckRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setSecret(ByteString.copyFrom(secret));
    for (TicketWanted t : tickets) {
      org.planbok.node2.api.TicketWanted.Builder wanted =
          org.planbok.node2.api.TicketWanted.newBuilder()
              .setKeyId(t.keyId())
              .setOperation(t.operation().wire())
              .setDigest(ByteString.copyFrom(t.digest()))
              .setPath(t.path().indices().isEmpty() ? "" : t.path().toString());
      t.policy().ifPresent(p -> wanted.setPolicy(Node2Policies.statement(p)));
      request.addTickets(wanted);
    }
    CheckRequest built = request.build();
    CheckReply reply = calls.call((d, w) -> stub(d, w).check(built));
    return switch (reply.getOutcomeCase()) {
      case ACCEPTED ->
          new SecretCheck.Accepted(
              reply.getAccepted().getPepper().toByteArray(),
              reply.getAccepted().getTicketsList().stream()
                  .map(b -> new Ticket(b.toByteArray()))
                  .toList(),
              Instant.ofEpochMilli(reply.getAccepted().getTicketsExpireAtMillis()));
      case REJECTED -> new SecretCheck.WrongSecret(reply.getRejected().getAttemptsLeft());
      case LOCKED ->
          new SecretCheck.Locked(Instant.ofEpochMilli(reply.getLocked().getUntilMillis()));
      case NOT_ENROLLED -> new SecretCheck.NotEnrolled();
      case RECOVERY_NOT_READY -> notReady(reply.getRecoveryNotReady());
      default ->
          throw new Node2Refused(
              RefusalReason.PROTOCOL_VIOLATION, "Node 2 answered a check without outcome");
    };
  }

  /**
   * Opens the delayed recovery of {@code purpose} (the kit) with its secret, counted like a check:
   * {@link SecretCheck.RecoveryStarted}, or a refusal as {@link #check} answers one.
   */
  public SecretCheck startRecovery(Subject subject, SecretPurpose purpose, byte[] secret) {
    StartRecoveryRequest request =
        StartRecoveryRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setSecret(ByteString.copyFrom(secret))
            .build();
    StartRecoveryReply reply = calls.call((d, w) -> stub(d, w).startRecovery(request));
    return switch (reply.getOutcomeCase()) {
      case STARTED ->
          new SecretCheck.RecoveryStarted(
              Instant.ofEpochMilli(reply.getStarted().getStartedAtMillis()),
              Instant.ofEpochMilli(reply.getStarted().getMaturesAtMillis()),
              Instant.ofEpochMilli(reply.getStarted().getClosesAtMillis()),
              reply.getStarted().getResumed());
      case REJECTED -> new SecretCheck.WrongSecret(reply.getRejected().getAttemptsLeft());
      case LOCKED ->
          new SecretCheck.Locked(Instant.ofEpochMilli(reply.getLocked().getUntilMillis()));
      case NOT_ENROLLED -> new SecretCheck.NotEnrolled();
      default ->
          throw new Node2Refused(
              RefusalReason.PROTOCOL_VIOLATION, "Node 2 answered a recovery start without outcome");
    };
  }

  /** Cancels the open recoveries of {@code purpose} with a CANCEL_RECOVERY ticket; how many. */
  public int cancelRecovery(Subject subject, SecretPurpose purpose, Ticket ticket) {
    CancelRecoveryRequest request =
        CancelRecoveryRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setTicket(ByteString.copyFrom(ticket.bytes()))
            .build();
    return calls.call((d, w) -> stub(d, w).cancelRecovery(request)).getCancelled();
  }

  /** Forgets the subject's secret of {@code purpose} with an ENROLL ticket for it. */
  public boolean remove(Subject subject, SecretPurpose purpose, Ticket ticket) {
    RemoveRequest request =
        RemoveRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setTicket(ByteString.copyFrom(ticket.bytes()))
            .build();
    return calls.call((d, w) -> stub(d, w).remove(request)).getRemoved();
  }

  private static SecretCheck notReady(RecoveryNotReady notReady) {
    return new SecretCheck.RecoveryNotReady(
        notReady.getState() == RecoveryNotReady.State.WAITING
            ? Instant.ofEpochMilli(notReady.getMaturesAtMillis())
            : null);
  }

  /** What an administrator's unlock did at Node 2, and when the next one is allowed. */
  public record Unlock(Outcome outcome, Instant nextUnlockAt) {
    /** As Node 2 answered. */
    public enum Outcome {
      UNLOCKED,
      NOT_LOCKED,
      TOO_SOON,
      NOT_ENROLLED
    }
  }

  /**
   * Asks Node 2 to lift the lockout of the subject's secret early, for {@code requestedBy} (an
   * administrator, recorded in Node 2's audit log); Node 2 allows it once a day.
   */
  public Unlock unlock(Subject subject, SecretPurpose purpose, String requestedBy) {
    UnlockRequest request =
        UnlockRequest.newBuilder()
            .setSubject(subject.value())
            .setPurpose(purposeOf(purpose))
            .setRequestedBy(requestedBy)
            .build();
    UnlockReply reply = calls.call((d, w) -> stub(d, w).unlock(request));
    if (reply.getOutcome() == UnlockReply.Outcome.OUTCOME_UNSPECIFIED
        || reply.getOutcome() == UnlockReply.Outcome.UNRECOGNIZED) {
      throw new Node2Refused(
          RefusalReason.PROTOCOL_VIOLATION, "Node 2 answered an unlock without an outcome");
    }
    return new Unlock(
        Unlock.Outcome.valueOf(reply.getOutcome().name()),
        reply.getNextUnlockAtMillis() == 0
            ? null
            : Instant.ofEpochMilli(reply.getNextUnlockAtMillis()));
  }

  /** Marks every open ticket of the subject used; returns how many. */
  public int revokeTickets(Subject subject) {
    RevokeTicketsRequest request =
        RevokeTicketsRequest.newBuilder().setSubject(subject.value()).build();
    return calls.call((d, w) -> stub(d, w).revokeTickets(request)).getRevoked();
  }

  private SecretsGrpc.SecretsBlockingStub stub(io.grpc.Deadline deadline, boolean waitForReady) {
    SecretsGrpc.SecretsBlockingStub stub =
        SecretsGrpc.newBlockingStub(channel).withDeadline(deadline);
    return waitForReady ? stub.withWaitForReady() : stub;
  }

  private static Purpose purposeOf(SecretPurpose purpose) {
    return purpose.contract().wire();
  }
}
