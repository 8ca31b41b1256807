package org.planbok.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPathTest {
  @Test
  void readsSegmentsAsTheResourcesAreMatched() {
    assertEquals(List.of("console", "users"), RequestPath.of("console;x=1/users").segments());
    assertEquals(List.of("console", "users"), RequestPath.of("/console/users/").segments());
    assertEquals(List.of("console", "users"), RequestPath.of("//console//users;a;b=c").segments());
    assertEquals(List.of(), RequestPath.of("").segments());
    assertEquals(List.of(), RequestPath.of(null).segments());
    assertEquals(List.of(), RequestPath.of("/;x=1/").segments());
  }

  @Test
  void aPathParameterDoesNotHideWhereAPathLeads() {
    assertTrue(RequestPath.of("/api/v1/console;x=1/users").startsWith("api", "v1", "console"));
    assertTrue(RequestPath.of("/api;a=b/v1;c/console").is("api", "v1", "console"));
    assertTrue(RequestPath.of("operator;x=1/organizations").startsWith("operator"));
    assertFalse(RequestPath.of("consoles/users").startsWith("console"));
    assertFalse(RequestPath.of("console").startsWith("console", "session"));
    assertFalse(RequestPath.of("console/session/sign-out").is("console", "session"));
    assertEquals("v1/console", RequestPath.of("api/v1/console").drop(1).toString());
  }
}
