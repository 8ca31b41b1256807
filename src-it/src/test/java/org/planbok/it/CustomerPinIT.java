package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbok.it.SystemApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The customer PIN flow on the real servers: the app gets the client salt, derives encryptedSecret
 * with the client kit, sets the PIN up, verifies and changes it; wrong PINs are counted by Node 2
 * and lock the PIN (the tests' servers lock for 5 s, doubling).
 */
@ExtendWith(ArquillianExtension.class)
class CustomerPinIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void pinIsSetUpVerifiedAndChanged() {
    Tenant tenant = Tenant.create(api, "Pin Co");
    PinFlow customer = PinFlow.newCustomer(tenant);
    JsonObject pin = tenant.get(customer.path("/pin")).json();
    assertEquals("NOT_SET", pin.getString("state"));
    assertEquals(22, pin.getString("clientSalt").length());
    assertEquals("argon2id", pin.getJsonObject("kdf").getString("algorithm"));
    assertEquals(19456, pin.getJsonObject("kdf").getInt("memoryKiB"));
    assertProblem(customer.verify("123400"), 409, "secret-not-set");

    Api.Reply set = customer.setUp("123400");
    assertEquals(201, set.status(), set.body());
    assertEquals("SET", set.json().getString("state"));
    assertProblem(customer.setUp("123400"), 409, "secret-already-set");
    assertEquals(200, customer.verify("123400").status());

    Api.Reply changed = customer.change("123400", "987654");
    assertEquals(200, changed.status(), changed.body());
    assertProblem(customer.verify("123400"), 403, "wrong-pin");
    assertEquals(200, customer.verify("987654").status());
    // The salt never changes: the app derives the new PIN's secret with the same one.
    assertEquals(
        pin.getString("clientSalt"),
        tenant.get(customer.path("/pin")).json().getString("clientSalt"));
  }

  @Test
  void wrongPinsAreCountedThenLockedThenUnlockedAfterTheBackOff() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Lock Co"), "246800");
    for (int left = 4; left >= 1; left--) {
      Api.Reply wrong = customer.verify("000000");
      assertProblem(wrong, 403, "wrong-pin");
      assertEquals(left, wrong.json().getInt("attemptsLeft"));
      assertEquals("encryptedSecret", wrong.json().getString("field"));
    }
    Api.Reply locking = customer.verify("000000");
    assertProblem(locking, 423, "locked");
    assertNotNull(locking.header("Retry-After"));
    Instant until = Instant.parse(locking.json().getString("lockedUntil"));
    // Locked: even the right PIN is refused, unevaluated.
    assertProblem(customer.verify("246800"), 423, "locked");
    assertNotNull(customer.tenant().get(customer.path("/pin")).json().getString("lockedUntil"));

    Thread.sleep(Math.max(0, until.toEpochMilli() - System.currentTimeMillis()) + 300);
    assertEquals(200, customer.verify("246800").status(), "unlocked after the back-off");
    assertProblem(customer.verify("000000"), 403, "wrong-pin"); // the count started over
  }

  @Test
  void twentyConcurrentWrongPinsLetAtMostFiveBeEvaluated() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Race Co"), "135700");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Api.Reply>> attempts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        attempts.add(() -> customer.verify("999900"));
      }
      int wrong = 0;
      int locked = 0;
      for (Future<Api.Reply> f : pool.invokeAll(attempts)) {
        int status = f.get().status();
        assertTrue(status == 403 || status == 423, f.get().body());
        if (status == 403) {
          wrong++;
        } else {
          locked++;
        }
      }
      assertTrue(wrong <= 4, "evaluated and answered wrong: " + wrong);
      assertTrue(locked >= 16, "locked: " + locked);
      assertEquals(20, wrong + locked);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentChangesAndVerificationsLeaveOneConsistentPin() throws Exception {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Busy Co"), "111100");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      // Two changes and two verifications at once: at most three of them can meet a PIN that is
      // no longer "111100", so the five-strikes lockout is never reached.
      List<Callable<Api.Reply>> calls = new ArrayList<>();
      calls.add(() -> customer.change("111100", "222200"));
      calls.add(() -> customer.change("111100", "333300"));
      calls.add(() -> customer.verify("111100"));
      calls.add(() -> customer.verify("111100"));
      List<String> newPins = new ArrayList<>();
      List<Future<Api.Reply>> results = pool.invokeAll(calls);
      for (int i = 0; i < 2; i++) {
        Api.Reply r = results.get(i).get();
        assertTrue(r.status() == 200 || r.status() == 403, r.body());
        if (r.status() == 200) {
          newPins.add(List.of("222200", "333300").get(i));
        }
      }
      for (int i = 2; i < 4; i++) {
        int status = results.get(i).get().status();
        assertTrue(status == 200 || status == 403, results.get(i).get().body());
      }
      // Changes run one after another: exactly one of them found the old PIN and won.
      assertEquals(1, newPins.size(), "winning changes: " + newPins);
      assertEquals(200, customer.verify(newPins.get(0)).status());
      assertProblem(customer.verify("111100"), 403, "wrong-pin");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badSecretsAreRefusedNamingTheFieldAndChangeNothing() {
    Tenant tenant = Tenant.create(api, "Input Co");
    PinFlow customer = PinFlow.newCustomer(tenant);
    String before = Node1Database.snapshot();
    String node2Before = Node2Database.snapshot();
    for (String body :
        List.of(
            "{}",
            "{\"encryptedSecret\": null}",
            "{\"encryptedSecret\": 12}",
            "{\"encryptedSecret\": \"short\"}",
            "{\"encryptedSecret\": \"q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gL\"}",
            "{\"encryptedSecret\": \"q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3g+\"}",
            "{\"encryptedSecret\": \"q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3gK\", \"pin\": \"1\"}")) {
      Api.Reply r = tenant.post(customer.path("/pin"), body, "bad-" + body.hashCode());
      assertEquals(400, r.status(), body + " -> " + r.body());
      assertFalse(r.body().contains("q3VnN0Zx2m9Yk1c8T0pWb4s7R6uE5iA2oL9dH1fJ3g"), r.body());
      String field = r.json().getString("field", "");
      assertTrue(field.equals("encryptedSecret") || field.equals("pin"), r.body());
    }
    assertEquals(before, Node1Database.snapshot());
    assertEquals(node2Before, Node2Database.snapshot(), "Node 2 was not even asked");
    assertEquals("NOT_SET", tenant.get(customer.path("/pin")).json().getString("state"));
  }

  @Test
  void anotherOrganizationsCustomerPinIsNotFound() {
    PinFlow customer = PinFlow.withPin(Tenant.create(api, "Owner Co"), "555500");
    Tenant stranger = Tenant.create(api, "Stranger Co");
    PinFlow asStranger = new PinFlow(stranger, customer.customerId(), customer.salt());
    assertProblem(stranger.get(customer.path("/pin")), 404, "not-found");
    assertProblem(asStranger.verify("555500"), 404, "not-found");
    assertProblem(asStranger.setUp("555500"), 404, "not-found");
    assertProblem(asStranger.change("555500", "666600"), 404, "not-found");
    assertEquals(200, customer.verify("555500").status(), "nothing changed for the owner");
  }
}
