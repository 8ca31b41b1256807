package org.planbok.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  @Test
  void everyPathNeedsAnApiKeyExceptSystemOperatorAndConsole() {
    for (String path :
        new String[] {
          "customers", "/customers/1", "api-keys", "wallets", "", "systems", "consoles", "console2"
        }) {
      assertTrue(ProtectedPaths.needsApiKey(path), path);
      assertFalse(ProtectedPaths.isOperator(path), path);
    }
    for (String path :
        new String[] {
          "system", "/system/node2/pings", "console", "console/session", "/console/x"
        }) {
      assertFalse(ProtectedPaths.needsApiKey(path), path);
    }
    for (String path :
        new String[] {"operator", "operator/organizations", "/operator/x", "system/node2/pings"}) {
      assertFalse(ProtectedPaths.needsApiKey(path), path);
      assertTrue(ProtectedPaths.isOperator(path), path);
    }
  }

  @Test
  void anOrganizationKeyCannotReachTheOperatorsPathsThroughAPathParameter() {
    // Jersey matches operator;x=1/organizations to the operator's resource: the filters must too.
    for (String path :
        new String[] {"operator;x=1/organizations", "/operator;/organizations/1", "//operator"}) {
      assertTrue(ProtectedPaths.isOperator(path), path);
      assertFalse(ProtectedPaths.needsApiKey(path), path);
    }
    assertTrue(ProtectedPaths.needsApiKey("customers;x=1"));
    assertFalse(ProtectedPaths.needsApiKey("console;x=1/users"));
  }

  @Test
  void aStrangerCannotMakeNode1PingNode2() {
    assertTrue(ProtectedPaths.isOperator("system/node2/pings"));
    assertTrue(ProtectedPaths.isOperator("/system;x=1/node2//pings;y"));
    assertFalse(ProtectedPaths.isOperator("system"));
  }

  @Test
  void readsBearerTokensOnly() {
    assertEquals(Optional.of("abc"), BearerCredentials.token("Bearer abc"));
    assertEquals(Optional.of("abc"), BearerCredentials.token("bearer  abc "));
    assertEquals(Optional.empty(), BearerCredentials.token((String) null));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearer"));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearer   "));
    assertEquals(Optional.empty(), BearerCredentials.token("Basic dXNlcjpwYXNz"));
    assertEquals(Optional.empty(), BearerCredentials.token("Bearerabc"));
  }

  @Test
  void unauthenticatedIsA401ProblemWithABearerChallenge() {
    Response r = BearerCredentials.unauthenticated("An API key is required.", false);
    assertEquals(401, r.getStatus());
    assertEquals("Bearer realm=\"planbok\"", r.getHeaderString("WWW-Authenticate"));
    JsonObject body = (JsonObject) r.getEntity();
    assertEquals("https://planbok.org/problems/unauthenticated", body.getString("type"));
    Response invalid = BearerCredentials.unauthenticated("The API key is not valid.", true);
    assertTrue(invalid.getHeaderString("WWW-Authenticate").contains("invalid_token"));
  }
}
