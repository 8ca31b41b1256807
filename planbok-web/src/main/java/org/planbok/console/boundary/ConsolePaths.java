package org.planbok.console.boundary;

import org.planbok.web.RequestPath;

/**
 * Which requests belong to the console API: paths under {@code /api/v1/console}, read as the
 * resources are matched ({@link RequestPath}: {@code console;x=1/users} is the console too). Only
 * signing in ({@code POST console/session}) is open without a session.
 */
final class ConsolePaths {
  static final String ROOT = "console";

  private ConsolePaths() {}

  /** {@code path} relative to the application ({@code /api/v1}), with or without a slash. */
  static boolean isConsole(String path) {
    return RequestPath.of(path).startsWith(ROOT);
  }

  /** {@code path} relative to the server: the console API's paths under {@code /api/v1}. */
  static boolean isConsoleApi(String pathInContext) {
    return RequestPath.of(pathInContext).startsWith("api", "v1", ROOT);
  }

  static boolean isSignIn(String method, String path) {
    return "POST".equals(method) && RequestPath.of(path).is(ROOT, "session");
  }

  static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }
}
