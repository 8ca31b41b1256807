package org.planbok.recovery.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.planbok.custody.boundary.Kdf;
import org.planbok.recovery.control.RecoveryStatus;
import org.planbok.recovery.entity.EmailRecovery;
import org.planbok.recovery.entity.RecoveryProfile;
import org.planbok.recovery.entity.SecurityQuestion;

/**
 * A customer's recovery settings as the API shows them (no PIN needed: the questions are not
 * secret, and the customer who forgot the PIN must see them): the recovery salt and the costs the
 * device derives {@code answersSecret} with, the questions, recovery by email, the last recovery.
 */
@JsonbPropertyOrder({"recoverySalt", "kdf", "questions", "email", "lastRecovery"})
public record RecoveryView(
    String recoverySalt, Kdf kdf, Questions questions, Email email, LastRecovery lastRecovery) {

  /** The questions, when set, in the order their answers are joined. */
  public record Questions(String state, List<Question> items) {}

  /** One question: its catalogue id (or null for one's own) and its text. */
  @JsonbPropertyOrder({"id", "text"})
  public record Question(String id, String text) {
    static Question of(SecurityQuestion q) {
      return new Question(q.id().orElse(null), q.text());
    }
  }

  /** Recovery by email: set or not, whether this installation sends mail, a waiting recovery. */
  @JsonbPropertyOrder({"state", "available", "recovery"})
  public record Email(String state, boolean available, Waiting recovery) {}

  /** A recovery by email the customer was told about. */
  @JsonbPropertyOrder({"state", "startedAt", "maturesAt"})
  public record Waiting(String state, Instant startedAt, Instant maturesAt) {
    static Waiting of(EmailRecovery r) {
      Instant matures = r.maturesAt().orElseThrow();
      return new Waiting(
          Instant.now().isBefore(matures) ? "WAITING" : "READY",
          r.startedAt().orElse(null),
          matures);
    }
  }

  /** The last recovery: how, when, and whether its steps are all done. */
  @JsonbPropertyOrder({"method", "recoveredAt", "finished"})
  public record LastRecovery(String method, Instant recoveredAt, boolean finished) {}

  public static RecoveryView of(RecoveryStatus status) {
    RecoveryProfile p = status.profile();
    List<Question> items =
        status.questionsSet()
            ? p.questions()
                .map(q -> q.items().stream().map(Question::of).toList())
                .orElse(List.of())
            : List.of();
    return new RecoveryView(
        Base64.getUrlEncoder().withoutPadding().encodeToString(p.recoverySalt()),
        Kdf.PIN,
        new Questions(status.questionsSet() ? "SET" : "NOT_SET", items),
        new Email(
            status.emailSet() ? "SET" : "NOT_SET",
            status.mailConfigured(),
            status.waiting().map(Waiting::of).orElse(null)),
        p.recoveredAt()
            .map(
                at ->
                    new LastRecovery(p.recoveredWith().orElseThrow().label(), at, !p.unfinished()))
            .orElse(null));
  }
}
