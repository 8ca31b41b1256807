package org.planbok.console.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie, which only the console uses: HttpOnly (no script reads it), {@code
 * SameSite=Strict} (no other site's page sends it), {@code Secure} when {@code
 * planbok.console.secure-cookie} is true (set it whenever the console is served over HTTPS), and
 * cookies only: a session id never appears in a URL. WEB-INF/web.xml says the same, for the
 * attributes Payara takes only from the descriptor.
 */
@WebListener
public class ConsoleSessionCookie implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Strict");
    cookie.setSecure(
        ConfigProvider.getConfig()
            .getOptionalValue("planbok.console.secure-cookie", Boolean.class)
            .orElse(false));
    event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
  }
}
