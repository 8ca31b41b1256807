package org.planbok.console.boundary;

/**
 * Which requests belong to the console API: paths under {@code /api/v1/console}. Only signing in
 * ({@code POST console/session}) is open without a session.
 */
final class ConsolePaths {
  static final String ROOT = "console";
  static final String SESSION = "console/session";

  private ConsolePaths() {}

  /** {@code path} relative to the application ({@code /api/v1}), with or without a slash. */
  static boolean isConsole(String path) {
    String p = strip(path);
    return p.equals(ROOT) || p.startsWith(ROOT + "/");
  }

  static boolean isSignIn(String method, String path) {
    return "POST".equals(method) && strip(path).equals(SESSION);
  }

  static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  private static String strip(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
