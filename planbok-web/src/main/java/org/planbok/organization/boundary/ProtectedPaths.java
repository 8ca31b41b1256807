package org.planbok.organization.boundary;

import org.planbok.web.RequestPath;

/**
 * Which API paths need which credential. Everything under /api/v1 needs an organization's API key
 * except the public system diagnostics, the operator's paths, which need the operator token, and
 * the console's, which need a console session (never an API key: {@code ConsoleGate} checks them).
 * (Health and OpenAPI are not under /api/v1.) Deny by default: a new resource is protected unless
 * it is added here. Paths are read as the resources are matched ({@link RequestPath}), so {@code
 * operator;x=1} is the operator's path here too.
 */
final class ProtectedPaths {
  private ProtectedPaths() {}

  static boolean isOperator(String path) {
    return RequestPath.of(path).startsWith("operator");
  }

  static boolean needsApiKey(String path) {
    RequestPath p = RequestPath.of(path);
    return !p.startsWith("system") && !p.startsWith("operator") && !p.startsWith("console");
  }
}
