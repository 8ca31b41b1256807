package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The system API on the real EAR: both nodes up, and every error a clear problem+json. */
@ExtendWith(ArquillianExtension.class)
class SystemApiIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @Test
  void readinessIsUpWhenNode2AnswersOverMutualTls() {
    Api.Reply ready = api.get("/health/ready");
    assertEquals(200, ready.status(), ready.body());
    JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
    assertEquals("node2", check.getString("name"));
    assertEquals("UP", check.getString("status"));
    assertTrue(check.getJsonObject("data").getString("nodeId").startsWith("node2-"));
  }

  @Test
  void livenessIsUp() {
    assertEquals(200, api.get("/health/live").status());
  }

  @Test
  void systemNamesBothNodesAndTheirVersions() {
    Api.Reply reply = api.get("/api/v1/system");
    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    JsonObject node1 = body.getJsonObject("node1");
    JsonObject node2 = body.getJsonObject("node2");
    assertTrue(node1.getString("nodeId").startsWith("node1-"));
    assertTrue(node2.getString("nodeId").startsWith("node2-"));
    assertEquals("node2", node2.getString("role"));
    assertFalse(node1.getString("version").isBlank());
    assertEquals(node1.getString("version"), node2.getString("version"));
    assertTrue(body.getJsonNumber("node2RoundTripMs").doubleValue() > 0);
  }

  @Test
  void pingsNode2RepeatedlyAndReportsRoundTrips() {
    Api.Reply reply = pings("{\"count\": 20}");
    assertEquals(200, reply.status(), reply.body());
    JsonObject body = reply.json();
    assertEquals(20, body.getInt("count"));
    double min = body.getJsonNumber("minMs").doubleValue();
    double median = body.getJsonNumber("medianMs").doubleValue();
    double max = body.getJsonNumber("maxMs").doubleValue();
    assertTrue(0 < min && min <= median && median <= max, body.toString());
  }

  @Test
  void aStrangerCannotMakeNode1PingNode2() {
    Api.Reply reply = api.postJson("/api/v1/system/node2/pings", "{\"count\": 100}");
    assertProblem(reply, 401, "unauthenticated");
    Api.Reply withAKey =
        Tenant.create(api, "Pinging Co").post("/api/v1/system/node2/pings", "{\"count\": 1}", "p");
    assertProblem(withAKey, 401, "unauthenticated");
  }

  @Test
  void aStrangerCannotReadTheMetrics() {
    assertProblem(api.get("/metrics"), 401, "unauthenticated");
    assertProblem(
        api.send("GET", "/metrics", null, "Authorization", "Bearer not-the-token"),
        401,
        "unauthenticated");
    // Payara's own endpoint, moved aside, answers nobody either.
    assertNotEquals(200, api.get("/payara-metrics").status());
    assertNotEquals(200, api.get("/payara-metrics/base").status());
    Api.Reply operator =
        api.send("GET", "/metrics", null, "Authorization", "Bearer " + Tenant.operatorToken());
    assertEquals(200, operator.status(), operator.body());
    assertTrue(operator.contentType().startsWith("text/plain"), operator.contentType());
  }

  /** Node 2's pings are the operator's diagnostic: they need the operator token. */
  private Api.Reply pings(String json) {
    return api.send(
        "POST",
        "/api/v1/system/node2/pings",
        json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "Authorization",
        "Bearer " + Tenant.operatorToken(),
        "Content-Type",
        "application/json");
  }

  @Test
  void eachNodeKeepsItsIdentityInItsOwnPostgresDatabase() throws SQLException {
    JsonObject body = api.get("/api/v1/system").json();
    String node1 = body.getJsonObject("node1").getString("nodeId");
    String node2 = body.getJsonObject("node2").getString("nodeId");
    assertEquals(node1, singleNodeId("planbok_it_node1", "node1_identity"));
    assertEquals(node2, singleNodeId("planbok_it_node2", "node2_identity"));
    assertFalse(hasTable("planbok_it_node1", "node2_identity"));
    assertFalse(hasTable("planbok_it_node2", "node1_identity"));
  }

  @Test
  void unknownPathIsA404Problem() {
    Api.Reply reply = api.get("/api/v1/no-such-thing");
    assertProblem(reply, 404, "not-found");
  }

  @Test
  void malformedJsonIsA400Problem() {
    Api.Reply reply = pings("{\"count\": ");
    assertProblem(reply, 400, "malformed-json");
    assertFalse(reply.body().contains("at org."), "no stack trace: " + reply.body());
  }

  @Test
  void wrongJsonTypeIsA400Problem() {
    Api.Reply reply = pings("{\"count\": \"ten\"}");
    assertProblem(reply, 400, "malformed-json");
  }

  @Test
  void validationFailureNamesTheField() {
    Api.Reply reply = pings("{\"count\": 1000}");
    assertProblem(reply, 400, "invalid-field");
    assertEquals("count", reply.json().getString("field"));
    Api.Reply missing = pings("{}");
    assertProblem(missing, 400, "invalid-field");
    assertEquals("count", missing.json().getString("field"));
  }

  @Test
  void missingBodyNamesTheBody() {
    Api.Reply reply = pings(null);
    assertProblem(reply, 400, "invalid-field");
    assertEquals("body", reply.json().getString("field"));
  }

  @Test
  void wrongMethodIsA405ProblemWithAllow() {
    Api.Reply reply = api.delete("/api/v1/system");
    assertProblem(reply, 405, "method-not-allowed");
    assertTrue(reply.header("Allow").contains("GET"));
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    Api.Reply reply = api.get("/openapi");
    assertEquals(200, reply.status());
    assertTrue(reply.body().contains("/api/v1/system/node2/pings"), reply.body());
    assertTrue(reply.body().contains("Planbok API"));
  }

  @Test
  void node2AnswersItsOwnHealthOnItsOwnServer() {
    Api.Reply reply = Api.node2Http().get("/health/ready");
    assertEquals(200, reply.status(), reply.body());
    assertNotEquals(-1, reply.body().indexOf("grpcPort"));
  }

  static void assertProblem(Api.Reply reply, int status, String type) {
    assertEquals(status, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    JsonObject problem = reply.json();
    assertEquals("https://planbok.org/problems/" + type, problem.getString("type"));
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("title").isBlank());
    assertFalse(problem.getString("detail").isBlank());
  }

  private static String singleNodeId(String database, String table) throws SQLException {
    try (Connection c = connect(database);
        ResultSet rs = c.createStatement().executeQuery("SELECT node_id FROM " + table)) {
      assertTrue(rs.next(), table + " has a row");
      String id = rs.getString(1);
      assertFalse(rs.next(), table + " has exactly one row");
      return id;
    }
  }

  private static boolean hasTable(String database, String table) throws SQLException {
    try (Connection c = connect(database);
        ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
      return rs.next();
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
  }
}
