package org.planbok.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.planbok.keys.entity.JointKey;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.node2.api.vocabulary.RefusalReason;
import org.planbok.node2client.Node2Refused;
import org.planbok.node2client.Node2Session;
import org.planbok.node2client.Node2Sessions;
import org.planbok.node2client.Node2Unavailable;
import org.planbok.node2client.SessionSpec;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * Conducts one protocol session with Node 2: records it, opens the stream, runs Node 1's rounds,
 * closes the stream (an unfinished one is cancelled, which ends Node 2's side) and records how it
 * ended. Failures become what the caller can act on: a frozen key is remembered and refused ({@code
 * KEY_FROZEN}); Node 2 breaking the protocol or refusing what it should not is {@code
 * PEER_MISBEHAVED} with the reason; an absent Node 2 stays {@link Node2Unavailable}.
 */
@ApplicationScoped
public class Conductor {
  private static final Logger LOG = Logger.getLogger(Conductor.class.getName());

  @Inject Node2Sessions node2;
  @Inject ProtocolSessions records;
  @Inject JointKeys jointKeys;
  @Inject SessionMetrics metrics;

  <T> T conduct(OrganizationId organization, SessionSpec spec, Function<Node2Session, T> rounds) {
    String operation = spec.operation().name().toLowerCase();
    records.started(
        spec.sid(), organization, spec.subject().value(), spec.keyId(), operation, spec.curve());
    long start = System.nanoTime();
    try (Node2Session session = node2.open(spec)) {
      T result = rounds.apply(session);
      Duration took = since(start);
      records.finished(spec.sid(), true, "done", took);
      metrics.record(spec, "succeeded", took);
      return result;
    } catch (ProtocolAbort e) {
      records.finished(spec.sid(), false, "protocol abort: " + e.reason(), since(start));
      metrics.record(spec, "aborted", since(start));
      LOG.warning(
          () -> "Node 2's messages failed Node 1's checks in " + spec.sid().hex() + ": " + e);
      throw new Refused(
          Refusal.PEER_MISBEHAVED,
          "Node 2's protocol messages failed Node 1's checks ("
              + e.reason()
              + "); nothing was kept.",
          null,
          Map.of("reason", e.reason().name()));
    } catch (Node2Refused e) {
      records.finished(spec.sid(), false, "refused: " + e.reason(), since(start));
      metrics.record(spec, "refused", since(start));
      throw refusal(spec, e);
    } catch (Node2Unavailable e) {
      records.finished(spec.sid(), false, "unavailable: " + e.reason(), since(start));
      metrics.record(spec, "unavailable", since(start));
      throw e;
    } catch (RuntimeException e) {
      records.finished(spec.sid(), false, "failed: " + e.getClass().getSimpleName(), since(start));
      throw e;
    }
  }

  private RuntimeException refusal(SessionSpec spec, Node2Refused e) {
    if (e.reason() == RefusalReason.KEY_FROZEN) {
      jointKeys.freeze(spec.keyId());
      return frozen(spec.keyId().toString());
    }
    if (e.reason() == RefusalReason.BUSY) {
      // A 503 with Retry-After: the ticket was not used, and a session on the key ends soon.
      return new Node2Unavailable(
          Node2Unavailable.Reason.BUSY,
          "Node 2 has its limit of signing sessions open on key " + spec.keyId(),
          e);
    }
    if (e.reason() == RefusalReason.EXPORT_NOT_AUTHORIZED) {
      LOG.warning(() -> "Node 2 refused an unauthorized export in " + spec.sid().hex());
      return new Refused(
          Refusal.EXPORT_NOT_AUTHORIZED,
          "authorization: the customer's device did not authorize this export: it must seal its"
              + " PIN key, this devicePublicKey, the wallet's key id and path to Node 2's export key"
              + " against a fresh, unused challenge of this wallet (see the client kit).",
          "authorization",
          Map.of());
    }
    LOG.warning(() -> "Node 2 refused session " + spec.sid().hex() + ": " + e.reason());
    return new Refused(
        Refusal.PEER_MISBEHAVED,
        "Node 2 refused the session (" + e.reason() + "); nothing was changed.",
        null,
        Map.of("reason", e.reason().name()));
  }

  static Refused frozen(String keyId) {
    return new Refused(
        Refusal.KEY_FROZEN,
        "Key "
            + keyId
            + " is frozen: a signature with it failed verification at Node 2 (DESIGN §3)."
            + " Only a refresh lifts it.",
        null,
        Map.of("keyId", keyId));
  }

  static Refused frozen(JointKey key) {
    return frozen(key.id().toString());
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
