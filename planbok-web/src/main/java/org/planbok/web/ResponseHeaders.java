package org.planbok.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every answer of the web module, set before anything else runs so that refusals and
 * errors carry them too: no answer is content-sniffed into something else ({@code nosniff}), and no
 * API answer is cached anywhere ({@code no-store}: answers carry customers, keys, and secrets shown
 * once). The server and JDK versions are kept out of {@code Server} and {@code X-Powered-By} by the
 * server's configuration ({@code scripts/servers.sh}), not here.
 */
@WebFilter(urlPatterns = "/*")
public class ResponseHeaders extends HttpFilter {
  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (RequestPath.of(path).startsWith("api")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
