package org.planbok.node2.testing;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.node2.exports.boundary.ExportsService;
import org.planbok.node2.exports.control.ExportAuthorizations;
import org.planbok.node2.exports.control.ExportKey;
import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.policies.boundary.PoliciesService;
import org.planbok.node2.secrets.boundary.SecretsService;
import org.planbok.node2.secrets.control.LockoutPolicies;
import org.planbok.node2.secrets.control.LockoutPolicy;
import org.planbok.node2.sessions.boundary.SessionsService;
import org.planbok.node2.sessions.control.SessionParties;

/**
 * Node 2's gRPC services on an in-process server, wired as CDI wires them, on in-memory H2: the
 * real services on gRPC threads with no surrounding transaction, as in the container, so each store
 * call commits on its own (a freeze is durable before the refusal leaves).
 */
public final class InProcessNode2 implements AutoCloseable {
  public static final SecureRandom RANDOM = new SecureRandom();

  public final TestDatabase db;
  public final Node2Beans beans;
  public final ManagedChannel channel;

  /** Node 2's record of the signing policies Node 1 published. */
  public final TransactionalPolicyGate policyGate;

  /** Node 2's export-authorization key, as devices pin it. */
  public final ExportKey exportKey;

  /** How long exports wait after a PIN replaced another, as by default. */
  public static final Duration AFTER_PIN_REPLACED = Duration.ofDays(2);

  /** How long export challenges live here. */
  public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);

  private final PaillierKeyPool paillierKeys;
  private final Server server;

  private InProcessNode2(
      Map<String, LockoutPolicy> policies, Function<Node2Beans, SigningSessions> signingSessions)
      throws IOException {
    db = TestDatabase.h2();
    beans = new Node2Beans(db).prepared();
    paillierKeys = PaillierKeyPool.start(1, RANDOM);
    TransactionalAudit audit = new TransactionalAudit(beans);
    TransactionalKeyShares keyShares = new TransactionalKeyShares(beans);
    TransactionalTickets tickets = new TransactionalTickets(beans);
    policyGate = new TransactionalPolicyGate(beans);
    TransactionalSecretOracle oracle =
        new TransactionalSecretOracle(beans, LockoutPolicies.of(policies));
    exportKey = new ExportKey(beans.sealedKeys);
    TransactionalExportChallenges challenges =
        new TransactionalExportChallenges(beans, CHALLENGE_TTL);
    SessionParties parties =
        new SessionParties(
            keyShares,
            signingSessions.apply(beans),
            tickets,
            audit,
            paillierKeys,
            RANDOM,
            1,
            new ExportAuthorizations(exportKey, challenges, oracle, audit, AFTER_PIN_REPLACED));
    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .addService(new SessionsService(parties, keyShares, audit))
            .addService(
                new SecretsService(oracle, new TransactionalRecoveries(beans), tickets, policyGate))
            .addService(new PoliciesService(policyGate))
            .addService(new ExportsService(exportKey, challenges))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  public static InProcessNode2 start() throws IOException {
    return new InProcessNode2(Map.of(), TransactionalSigningSessions::new);
  }

  /** With this view of the signing sessions (a cap, a failure to play). */
  public static InProcessNode2 start(Function<Node2Beans, SigningSessions> signingSessions)
      throws IOException {
    return new InProcessNode2(Map.of(), signingSessions);
  }

  /** With these lockout policies, the defaults for the other purposes. */
  public static InProcessNode2 start(Map<String, LockoutPolicy> policies) throws IOException {
    return new InProcessNode2(policies, TransactionalSigningSessions::new);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    paillierKeys.close();
    db.close();
  }
}
