package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a stranger on the network reads off the answers: the console's cookie travels only over
 * HTTPS unless a development setting says otherwise (the tests' servers have none), no API answer
 * may be cached or content-sniffed, no header names the server, its version or the JDK, and Node
 * 2's HTTP port is not on the network at all.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {
  private final Api api = Api.node1();

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeEach
  void ready() {
    api.awaitReadiness();
  }

  @Test
  void theConsoleCookieIsSecureByDefaultSoAPlainHttpHopCannotReadIt() {
    Tenant tenant = Tenant.create(api, "Cookie Co");
    ConsoleClient.Credentials admin = ConsoleClient.bootstrap(tenant, "admin");
    Api.Reply in = new ConsoleClient().signIn(admin.email(), admin.password());
    assertEquals(200, in.status(), in.body());
    List<String> cookies =
        in.raw().headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .toList();
    String kept = cookies.get(cookies.size() - 1);
    assertTrue(kept.contains("; Secure") || kept.contains(";Secure"), cookies.toString());
    assertTrue(kept.contains("HttpOnly") && kept.contains("SameSite=Strict"), kept);
  }

  @Test
  void noApiAnswerIsCachedOrSniffed() {
    Tenant tenant = Tenant.create(api, "Headers Co");
    List<Api.Reply> replies = new ArrayList<>();
    replies.add(api.get("/api/v1/system"));
    replies.add(api.get("/api/v1/no-such-thing"));
    replies.add(api.get("/api/v1/customers"));
    replies.add(tenant.get("/api/v1/customers"));
    replies.add(tenant.get("/api/v1/api-keys"));
    replies.add(api.postJson("/api/v1/system/node2/pings", "{\"count\": 1}"));
    replies.add(api.get("/api/v1/console/session"));
    for (Api.Reply reply : replies) {
      String what = reply.raw().request().uri() + " " + reply.status();
      assertEquals("no-store", reply.header("Cache-Control"), what);
      assertEquals("nosniff", reply.header("X-Content-Type-Options"), what);
    }
    assertEquals("nosniff", api.get("/kit/planbok-kit.js").header("X-Content-Type-Options"));
  }

  @Test
  void noHeaderNamesTheServerItsVersionOrTheJdk() {
    List<Api.Reply> replies =
        List.of(
            api.get("/api/v1/system"),
            api.get("/api/v1/no-such-thing"),
            api.get("/console/"),
            api.get("/health/ready"),
            api.get("/openapi"),
            Api.node2Http().get("/health/ready"));
    for (Api.Reply reply : replies) {
      String what = reply.raw().request().uri().toString();
      reply
          .raw()
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                for (String value : values) {
                  String v = value.toLowerCase();
                  assertFalse(
                      v.contains("payara") || v.contains("java") || v.contains("glassfish"),
                      what + ": " + name + ": " + value);
                }
              });
      assertEquals(null, reply.header("X-Powered-By"), what);
      assertEquals(null, reply.header("Server"), what);
    }
  }

  /**
   * Node 2's HTTP port serves only health, on loopback by default: read from the kernel's table of
   * listening sockets, without sending anything to another address.
   */
  @Test
  void node2sHttpPortIsNotOnTheNetwork() throws IOException {
    int port = java.net.URI.create(System.getProperty("planbok.it.node2-http")).getPort();
    List<String> listening = listeningAddresses(port);
    assertFalse(listening.isEmpty(), "nothing listens on " + port);
    for (String address : listening) {
      assertTrue(
          address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F"),
          "Node 2's HTTP port listens on " + address + " (hex, as /proc/net/tcp has it)");
    }
  }

  /** The local addresses (hex) of the sockets listening on {@code port}, IPv4 and IPv6. */
  static List<String> listeningAddresses(int port) throws IOException {
    List<String> out = new ArrayList<>();
    String hexPort = String.format("%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
          out.add(f[1].substring(0, f[1].indexOf(':')));
        }
      }
    }
    return out;
  }
}
