package org.planbok.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbok.atrest.DatabaseKey;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.entity.Organization;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.organization.entity.OrganizationName;
import org.planbok.testing.TestDatabase;
import org.planbok.webhooks.entity.DeliveryState;
import org.planbok.webhooks.entity.EventType;
import org.planbok.webhooks.entity.WebhookAttempt;
import org.planbok.webhooks.entity.WebhookDelivery;
import org.planbok.webhooks.entity.WebhookEndpoint;
import org.planbok.webhooks.entity.WebhookEvent;
import org.planbok.webhooks.entity.WebhookUrl;

/**
 * The outbox on a real database: an event and its deliveries commit or roll back with the change
 * that records them, a scheduled event can be withdrawn, and the dispatcher's claims and back-off
 * move a delivery from pending to delivered or failed, each row claimed by one instance only.
 */
class OutboxTest {
  private static final DatabaseKey KEY = DatabaseKey.of(new byte[32]);
  private TestDatabase db;
  private WebhookEvents events;
  private Deliveries deliveries;
  private final OrganizationId organization = OrganizationId.random();
  private final Subject customer = new Subject("customer:" + UUID.randomUUID());

  void open(String kind) {
    db = TestDatabase.named(kind);
    EntityManager em = db.entityManager();
    events = new WebhookEvents();
    events.em = em;
    deliveries = new Deliveries();
    deliveries.em = em;
    deliveries.secrets = WebhookSecrets.with(KEY);
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private UUID endpoint(boolean enabled, EventType... types) {
    UUID id = UUID.randomUUID();
    db.run(
        () -> {
          WebhookEndpoint e =
              new WebhookEndpoint(
                  id,
                  organization,
                  WebhookUrl.parse("https://hooks.example/" + id, false),
                  "",
                  Set.of(types),
                  enabled,
                  WebhookEvents.now());
          e.secret(WebhookSecrets.with(KEY).seal(id, "whsec_test".toCharArray()), Instant.now());
          db.entityManager().persist(e);
        });
    return id;
  }

  private long count(Class<?> entity) {
    return db.inTransaction(
        () ->
            db.entityManager()
                .createQuery("SELECT COUNT(x) FROM " + entity.getSimpleName() + " x", Long.class)
                .getSingleResult());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anEventCommitsWithTheChangeThatRecordsIt(String kind) {
    open(kind);
    UUID wanted = endpoint(true, EventType.KEY_CREATED);
    endpoint(true, EventType.PIN_LOCKED); // takes another type
    endpoint(false, EventType.KEY_CREATED); // disabled
    db.run(
        () -> {
          db.entityManager()
              .persist(new Organization(organization, new OrganizationName("Acme"), Instant.now()));
          events.record(
              organization,
              customer,
              EventType.KEY_CREATED,
              EventData.of(customer).with("keyId", "k"));
        });
    assertEquals(1, count(Organization.class));
    assertEquals(1, count(WebhookEvent.class));
    assertEquals(
        1, count(WebhookDelivery.class), "one delivery: the enabled endpoint that takes it");
    WebhookDelivery d =
        db.inTransaction(
            () ->
                db.entityManager()
                    .createQuery("SELECT d FROM WebhookDelivery d", WebhookDelivery.class)
                    .getSingleResult());
    assertEquals(wanted, d.endpointId());
    assertEquals(DeliveryState.PENDING, d.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void anEventRollsBackWithTheChangeThatRecordsIt(String kind) {
    open(kind);
    endpoint(true, EventType.KEY_CREATED);
    assertThrows(
        IllegalStateException.class,
        () ->
            db.run(
                () -> {
                  db.entityManager()
                      .persist(
                          new Organization(
                              organization, new OrganizationName("Acme"), Instant.now()));
                  events.record(
                      organization, customer, EventType.KEY_CREATED, EventData.of(customer));
                  throw new IllegalStateException("the change fails after the event was recorded");
                }));
    assertEquals(0, count(Organization.class));
    assertEquals(0, count(WebhookEvent.class));
    assertEquals(0, count(WebhookDelivery.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void aScheduledEventWaitsAndCanBeWithdrawnBeforeItIsDue(String kind) {
    open(kind);
    endpoint(true, EventType.RECOVERY_MATURED);
    Instant later = Instant.now().plusSeconds(3600);
    db.run(
        () ->
            events.schedule(
                organization, customer, EventType.RECOVERY_MATURED, EventData.of(customer), later));
    assertEquals(1, count(WebhookDelivery.class));
    assertTrue(
        db.inTransaction(() -> deliveries.claimDue(10, Duration.ofSeconds(30))).isEmpty(),
        "not due before the waiting period ends");
    assertEquals(
        1, (int) db.inTransaction(() -> events.withdraw(customer, EventType.RECOVERY_MATURED)));
    assertEquals(0, count(WebhookEvent.class));
    assertEquals(0, count(WebhookDelivery.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void aDueDeliveryIsClaimedOnceRetriedWithBackOffAndFailsAfterTheLastAttempt(String kind) {
    open(kind);
    endpoint(true, EventType.PIN_LOCKED);
    db.run(
        () -> events.record(organization, customer, EventType.PIN_LOCKED, EventData.of(customer)));
    BackOff backOff = new BackOff(Duration.ofMillis(1), Duration.ofMillis(1), 2);

    List<Parcel> first = db.inNewTransaction(() -> deliveries.claimDue(10, Duration.ofMinutes(1)));
    assertEquals(1, first.size());
    assertEquals(
        "whsec_test",
        new String(first.get(0).secret(), StandardCharsets.UTF_8),
        "the secret opens");
    assertTrue(
        db.inNewTransaction(() -> deliveries.claimDue(10, Duration.ofMinutes(1))).isEmpty(),
        "a claimed delivery is nobody else's");

    db.run(
        () ->
            deliveries.attempted(
                first.get(0),
                new Courier.Outcome(500, "answered 500", Duration.ofMillis(3)),
                backOff));
    WebhookDelivery afterOne = delivery();
    assertEquals(DeliveryState.PENDING, afterOne.state());
    assertEquals(1, afterOne.attempts());
    assertNotNull(afterOne.nextAttemptAt());
    sleep(5);

    List<Parcel> second = db.inNewTransaction(() -> deliveries.claimDue(10, Duration.ofMinutes(1)));
    assertEquals(1, second.size(), "due again after the back-off");
    // A stale claim (its lease expired and another instance took the row) changes nothing.
    db.run(
        () ->
            deliveries.attempted(
                first.get(0), new Courier.Outcome(200, null, Duration.ZERO), backOff));
    assertEquals(1, delivery().attempts());
    db.run(
        () ->
            deliveries.attempted(
                second.get(0),
                new Courier.Outcome(null, "ConnectException", Duration.ZERO),
                backOff));
    WebhookDelivery failed = delivery();
    assertEquals(DeliveryState.FAILED, failed.state());
    assertNull(failed.nextAttemptAt());
    assertEquals(2, count(WebhookAttempt.class), "the delivery log has both attempts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2"})
  void aDeliveredAttemptEndsTheDelivery(String kind) {
    open(kind);
    endpoint(true, EventType.PIN_LOCKED);
    db.run(
        () -> events.record(organization, customer, EventType.PIN_LOCKED, EventData.of(customer)));
    Parcel parcel =
        db.inNewTransaction(() -> deliveries.claimDue(10, Duration.ofMinutes(1))).get(0);
    db.run(
        () ->
            deliveries.attempted(
                parcel,
                new Courier.Outcome(204, null, Duration.ofMillis(2)),
                new BackOff(Duration.ofSeconds(1), Duration.ofSeconds(1), 3)));
    assertEquals(DeliveryState.DELIVERED, delivery().state());
    assertNotNull(delivery().finishedAt());
  }

  private WebhookDelivery delivery() {
    return db.inTransaction(
        () ->
            db.entityManager()
                .createQuery("SELECT d FROM WebhookDelivery d", WebhookDelivery.class)
                .getSingleResult());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
