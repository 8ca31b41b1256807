package org.planbok.organization.boundary;

/**
 * Which API paths need which credential. Everything under /api/v1 needs an organization's API key
 * except the public system diagnostics, the operator's paths, which need the operator token, and
 * the console's, which need a console session (never an API key: {@code ConsoleGate} checks them).
 * (Health and OpenAPI are not under /api/v1.) Deny by default: a new resource is protected unless
 * it is added here.
 */
final class ProtectedPaths {
  private ProtectedPaths() {}

  static boolean isOperator(String path) {
    return firstSegment(path).equals("operator");
  }

  static boolean needsApiKey(String path) {
    String first = firstSegment(path);
    return !first.equals("system") && !first.equals("operator") && !first.equals("console");
  }

  private static String firstSegment(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    int slash = p.indexOf('/');
    return slash < 0 ? p : p.substring(0, slash);
  }
}
