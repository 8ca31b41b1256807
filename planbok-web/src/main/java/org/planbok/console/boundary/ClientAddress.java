package org.planbok.console.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who is signing in, as far as the throttle counts: the caller's address, or, behind a reverse
 * proxy, the last address in the header the proxy writes ({@code
 * planbok.console.sign-in.client-address-header}, e.g. {@code X-Forwarded-For}; set it only when a
 * proxy that overwrites or appends it sits in front, since a client could write it too). An IPv6
 * caller counts by its /64 network, which one subscriber usually holds whole.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(HttpServletRequest request, Optional<String> trustedHeader) {
    String address =
        trustedHeader
            .filter(h -> !h.isBlank())
            .map(request::getHeader)
            .flatMap(ClientAddress::lastListed)
            .orElse(request.getRemoteAddr());
    return normalized(address);
  }

  /** The last entry of a comma-separated list: the one the nearest proxy added. */
  static Optional<String> lastListed(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String[] entries = header.split(",");
    String last = entries[entries.length - 1].strip();
    return last.isEmpty() ? Optional.empty() : Optional.of(last);
  }

  /**
   * An IP literal in one spelling (IPv6 as its /64); anything else as it came, at most 64 chars.
   */
  static String normalized(String address) {
    if (address == null) {
      return "";
    }
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!a.matches("[0-9A-Fa-f:.]{2,45}")) {
      return a.length() > 64 ? a.substring(0, 64) : a; // not an IP literal: never resolved
    }
    try {
      byte[] bytes = InetAddress.getByName(a).getAddress(); // a literal: no lookup
      if (bytes.length == 16) {
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          network.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
        }
        return network + ":/64";
      }
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return a;
    }
  }
}
