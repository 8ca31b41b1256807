package org.planbok.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbok.custody.entity.Subject;

class EventDataTest {
  @Test
  void writesTheEventAsJsonWithTheIdFirst() {
    String customer = "5a1d8c9e-3b7f-4e2a-9c6d-1f0e8b7a6c5d";
    String json =
        EventData.payload(
            "evt_1",
            "key.created",
            Instant.parse("2026-12-05T21:00:00Z"),
            "org-1",
            EventData.of(new Subject("customer:" + customer))
                .with("keyId", "k-1")
                .with("sessions", List.of("a", "b"))
                .with("liftedFreeze", false)
                .with("count", 2)
                .with("at", Instant.parse("2026-12-05T21:00:01Z"))
                .with("none", null));
    assertEquals(
        "{\"id\":\"evt_1\",\"type\":\"key.created\",\"createdAt\":\"2026-12-05T21:00:00Z\","
            + "\"organizationId\":\"org-1\",\"data\":{\"owner\":\"customer\",\"customerId\":\""
            + customer
            + "\",\"keyId\":\"k-1\",\"sessions\":[\"a\",\"b\"],\"liftedFreeze\":false,"
            + "\"count\":2,\"at\":\"2026-12-05T21:00:01Z\",\"none\":null}}",
        json);
  }

  @Test
  void anOrganizationsEventNamesNoCustomer() {
    String json =
        EventData.payload(
            "evt_2",
            "pin.locked",
            Instant.EPOCH,
            "o",
            EventData.of(new Subject("organization:" + UUID.randomUUID())));
    assertEquals(
        "{\"id\":\"evt_2\",\"type\":\"pin.locked\",\"createdAt\":\"1970-01-01T00:00:00Z\","
            + "\"organizationId\":\"o\",\"data\":{\"owner\":\"organization\"}}",
        json);
  }

  @Test
  void escapesWhatJsonMustEscape() {
    String json =
        EventData.payload(
            "e", "t", Instant.EPOCH, "o", EventData.of().with("q", "a\"b\\c\nd\u0001"));
    assertEquals(
        "{\"id\":\"e\",\"type\":\"t\",\"createdAt\":\"1970-01-01T00:00:00Z\",\"organizationId\":"
            + "\"o\",\"data\":{\"q\":\"a\\\"b\\\\c\\nd\\u0001\"}}",
        json);
  }
}
