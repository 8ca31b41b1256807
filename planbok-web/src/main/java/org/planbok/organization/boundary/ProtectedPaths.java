package org.planbok.organization.boundary;

import org.planbok.web.RequestPath;

/**
 * Which API paths need which credential. Everything under /api/v1 needs an organization's API key
 * except the public system diagnostics, the operator's paths and Node 2's pings, which need the
 * operator token, and the console's, which need a console session (never an API key: {@code
 * ConsoleGate} checks them). (Health and OpenAPI are not under /api/v1.) Deny by default: a new
 * resource is protected unless it is added here. Paths are read as the resources are matched
 * ({@link RequestPath}), so {@code operator;x=1} is the operator's path here too.
 */
final class ProtectedPaths {
  private ProtectedPaths() {}

  /**
   * The operator's own paths, and the diagnostics that load Node 2 ({@code system/node2/pings}: a
   * stranger must not make Node 1 ping Node 2 in a loop); {@code system} itself stays public.
   */
  static boolean isOperator(String path) {
    RequestPath p = RequestPath.of(path);
    return p.startsWith("operator") || p.startsWith("system", "node2", "pings");
  }

  static boolean needsApiKey(String path) {
    RequestPath p = RequestPath.of(path);
    return !p.startsWith("system") && !p.startsWith("operator") && !p.startsWith("console");
  }
}
