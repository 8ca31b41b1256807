package org.planbok.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  @Test
  void theNearestProxysEntryCounts() {
    assertEquals(
        Optional.of("198.51.100.2"), ClientAddress.lastListed("203.0.113.7, 198.51.100.2"));
    assertEquals(Optional.empty(), ClientAddress.lastListed(null));
    assertEquals(Optional.empty(), ClientAddress.lastListed("1.2.3.4, "));
  }

  @Test
  void anIpv6CallerCountsByItsNetworkSoFreshAddressesBuyNoFreshTries() {
    assertEquals(
        ClientAddress.normalized("2001:db8:1:2::1"),
        ClientAddress.normalized("[2001:db8:1:2:ffff::9]"));
    assertEquals("2001:0db8:0001:0002::/64", ClientAddress.normalized("2001:db8:1:2::1"));
    assertEquals("203.0.113.7", ClientAddress.normalized(" 203.0.113.7 "));
  }

  @Test
  void aNameIsNeverResolved() {
    assertEquals("evil.example", ClientAddress.normalized("evil.example"));
    assertEquals(64, ClientAddress.normalized("x".repeat(500)).length());
  }
}
