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
 * SameSite=Strict} (no other site's page sends it), {@code Secure} unless {@code
 * planbok.console.secure-cookie} is explicitly false (a development setting, for plain
 * http://localhost; {@code scripts/run.sh} sets it), and cookies only: a session id never appears
 * in a URL. WEB-INF/web.xml says the same, for the attributes Payara takes only from the
 * descriptor.
 */
@WebListener
public class ConsoleSessionCookie implements ServletContextListener {
  static final String SECURE = "planbok.console.secure-cookie";

  /** Secure by default: only an explicit {@code false} turns it off. */
  static boolean secure() {
    return ConfigProvider.getConfig().getOptionalValue(SECURE, Boolean.class).orElse(true);
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setAttribute("SameSite", "Strict");
    cookie.setSecure(secure());
    event.getServletContext().setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
  }
}
