package org.planbok.policy.control;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.planbok.wallet.chain.Chain;

/**
 * Writes a policy's canonical JSON: members in alphabetical order, no spaces, rules left at their
 * default omitted, amounts as strings. Its SHA-256 is the policy's hash.
 */
final class CanonicalPolicy {
  private CanonicalPolicy() {}

  static String write(boolean rawDigest, Map<Chain, ChainRules> chains) {
    StringBuilder out = new StringBuilder("{\"chains\":{");
    TreeMap<String, ChainRules> sorted = new TreeMap<>();
    chains.forEach((c, r) -> sorted.put(PolicyDocument.chainName(c), r));
    boolean first = true;
    for (Map.Entry<String, ChainRules> e : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(string(e.getKey())).append(':');
      chain(out, e.getValue());
    }
    return out.append("},\"rawDigest\":").append(rawDigest).append('}').toString();
  }

  private static void chain(StringBuilder out, ChainRules r) {
    Members m = new Members(out);
    if (!r.chainIds().isEmpty()) {
      m.name("chainIds")
          .append(
              r.chainIds().stream()
                  .map(BigInteger::toString)
                  .sorted((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)))
                  .toList()
                  .toString()
                  .replace(" ", ""));
    }
    amount(m, "maxValue", r.maxValue());
    amount(m, "maxValuePerDay", r.maxValuePerDay());
    if (r.personalSign()) {
      m.name("personalSign").append("true");
    }
    if (!r.programs().isEmpty()) {
      strings(m.name("programs"), r.programs());
    }
    if (r.allow() != null || !r.deny().isEmpty()) {
      StringBuilder b = m.name("recipients").append('{');
      if (r.allow() != null) {
        strings(b.append("\"allow\":"), r.allow());
      }
      if (!r.deny().isEmpty()) {
        strings(b.append(r.allow() != null ? "," : "").append("\"deny\":"), r.deny());
      }
      b.append('}');
    }
    if (!r.typedDataDomains().isEmpty()) {
      StringBuilder b = m.name("typedDataDomains").append('[');
      for (int i = 0; i < r.typedDataDomains().size(); i++) {
        ChainRules.DomainRule d = r.typedDataDomains().get(i);
        Members dm = new Members(b.append(i == 0 ? "" : ","));
        d.chainId().ifPresent(c -> dm.name("chainId").append(c));
        d.name().ifPresent(n -> dm.name("name").append(string(n)));
        d.verifyingContract().ifPresent(v -> dm.name("verifyingContract").append(string(v)));
        dm.close();
      }
      b.append(']');
    }
    m.close();
  }

  private static void amount(Members m, String name, Optional<BigInteger> value) {
    value.ifPresent(v -> m.name(name).append(string(v.toString())));
  }

  private static void strings(StringBuilder out, Collection<String> values) {
    out.append('[');
    boolean first = true;
    for (String v : values) {
      out.append(first ? "" : ",").append(string(v));
      first = false;
    }
    out.append(']');
  }

  /** A JSON string; the values are addresses, ids and domain names (escape what JSON needs). */
  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** An object's members in the order written (callers write them alphabetically). */
  private static final class Members {
    private final StringBuilder out;
    private boolean first = true;

    Members(StringBuilder out) {
      this.out = out;
      out.append('{');
    }

    StringBuilder name(String name) {
      out.append(first ? "" : ",").append(string(name)).append(':');
      first = false;
      return out;
    }

    void close() {
      out.append('}');
    }
  }
}
