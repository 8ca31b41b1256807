package org.planbok.policy.control;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;
import org.planbok.wallet.chain.evm.EvmAddress;
import org.planbok.wallet.chain.evm.StrictJson;
import org.planbok.wallet.control.Chains;

/**
 * A signing policy as an organization writes it (docs/policies.md):
 *
 * <pre>{@code
 * {"rawDigest": false,
 *  "chains": {
 *    "ethereum": {"chainIds": [1], "personalSign": true,
 *                 "recipients": {"allow": ["0x…"], "deny": []},
 *                 "maxValue": "1000000000000000000", "maxValuePerDay": "5000000000000000000",
 *                 "typedDataDomains": [{"name": "Permit2", "chainId": 1, "verifyingContract": "0x…"}]},
 *    "bitcoin": {"recipients": {"allow": ["bc1q…"]}, "maxValue": "100000"},
 *    "solana": {"programs": ["11111111111111111111111111111111"]},
 *    "near": {"recipients": {"allow": ["wrap.near"]}}}}
 * }</pre>
 *
 * <p>Parsing is strict: unknown members, duplicate keys, wrong types, malformed addresses and
 * amounts are refused as invalid input naming the member's path ({@code
 * chains.ethereum.chainIds[0]}). The document is kept in a canonical form (members sorted,
 * addresses normalized, amounts as decimal strings) whose SHA-256 is the policy's hash: the same
 * rules always give the same hash, which Node 2 compares.
 */
public final class PolicyDocument {
  /** Larger documents are refused. */
  public static final int MAX_CHARS = 64 * 1024;

  /** Longest list of recipients, chain ids, domains or programs. */
  public static final int MAX_LIST = 1000;

  private static final Set<String> TOP = Set.of("rawDigest", "chains");
  private static final Set<String> CHAIN =
      Set.of(
          "recipients",
          "maxValue",
          "maxValuePerDay",
          "chainIds",
          "personalSign",
          "typedDataDomains",
          "programs");
  private static final BigInteger MAX_AMOUNT =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final boolean rawDigest;
  private final Map<Chain, ChainRules> chains;
  private final String canonical;
  private final byte[] hash;

  private PolicyDocument(boolean rawDigest, Map<Chain, ChainRules> chains) {
    this.rawDigest = rawDigest;
    this.chains = Collections.unmodifiableMap(new EnumMap<>(chains));
    this.canonical = CanonicalPolicy.write(rawDigest, this.chains);
    this.hash = Hashes.sha256(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses a policy document.
   *
   * @throws Refused invalid input naming the member
   */
  public static PolicyDocument parse(String json) {
    if (json == null || json.isBlank()) {
      throw invalid("policy", "missing");
    }
    if (json.length() > MAX_CHARS) {
      throw invalid("policy", "longer than " + MAX_CHARS + " characters");
    }
    Object root;
    try {
      root = StrictJson.parse(json, "policy");
    } catch (ChainFormatException e) {
      throw invalid("policy", e.getMessage());
    }
    Map<String, Object> top = object(root, "policy");
    known(top, TOP, "");
    boolean raw = bool(top.get("rawDigest"), "rawDigest", false);
    Map<Chain, ChainRules> chains = new EnumMap<>(Chain.class);
    Object chainsValue = top.get("chains");
    if (chainsValue != null) {
      for (Map.Entry<String, Object> e : object(chainsValue, "chains").entrySet()) {
        String at = "chains." + e.getKey();
        Chain chain =
            Chains.chain(e.getKey())
                .orElseThrow(
                    () ->
                        invalid(
                            at,
                            "unknown chain (ethereum, bitcoin, bitcoin-testnet, tron, solana,"
                                + " near)"));
        chains.put(chain, chainRules(chain, object(e.getValue(), at), at));
      }
    }
    return new PolicyDocument(raw, chains);
  }

  private static ChainRules chainRules(Chain chain, Map<String, Object> m, String at) {
    known(m, CHAIN, at + ".");
    onlyFor(m, "chainIds", chain == Chain.ETHEREUM, at);
    onlyFor(m, "personalSign", chain == Chain.ETHEREUM, at);
    onlyFor(m, "typedDataDomains", chain == Chain.ETHEREUM, at);
    onlyFor(m, "programs", chain == Chain.SOLANA, at);
    Set<String> allow = null;
    Set<String> deny = Set.of();
    Object recipients = m.get("recipients");
    if (recipients != null) {
      Map<String, Object> r = object(recipients, at + ".recipients");
      known(r, Set.of("allow", "deny"), at + ".recipients.");
      if (r.containsKey("allow")) {
        allow = recipients(chain, r.get("allow"), at + ".recipients.allow");
      }
      if (r.containsKey("deny")) {
        deny = recipients(chain, r.get("deny"), at + ".recipients.deny");
      }
    }
    Set<BigInteger> chainIds = new LinkedHashSet<>();
    List<Object> ids = list(m.get("chainIds"), at + ".chainIds");
    for (int i = 0; i < ids.size(); i++) {
      chainIds.add(chainId(ids.get(i), at + ".chainIds[" + i + "]"));
    }
    List<ChainRules.DomainRule> domains = new ArrayList<>();
    List<Object> ds = list(m.get("typedDataDomains"), at + ".typedDataDomains");
    for (int i = 0; i < ds.size(); i++) {
      domains.add(domain(ds.get(i), at + ".typedDataDomains[" + i + "]"));
    }
    Set<String> programs = new TreeSet<>();
    List<Object> ps = list(m.get("programs"), at + ".programs");
    for (int i = 0; i < ps.size(); i++) {
      programs.add(
          PolicyAddresses.solana(
              text(ps.get(i), at + ".programs[" + i + "]"), at + ".programs[" + i + "]"));
    }
    Optional<BigInteger> max = amount(m.get("maxValue"), at + ".maxValue");
    Optional<BigInteger> perDay = amount(m.get("maxValuePerDay"), at + ".maxValuePerDay");
    return new ChainRules(
        allow,
        deny,
        max,
        perDay,
        Collections.unmodifiableSet(chainIds),
        bool(m.get("personalSign"), at + ".personalSign", false),
        List.copyOf(domains),
        Collections.unmodifiableSet(programs));
  }

  private static Set<String> recipients(Chain chain, Object value, String at) {
    Set<String> out = new TreeSet<>();
    if (value == null) {
      throw invalid(at, "a list of addresses");
    }
    List<Object> items = list(value, at);
    for (int i = 0; i < items.size(); i++) {
      String field = at + "[" + i + "]";
      out.add(PolicyAddresses.normalize(chain, text(items.get(i), field), field));
    }
    return Collections.unmodifiableSet(out);
  }

  private static ChainRules.DomainRule domain(Object value, String at) {
    Map<String, Object> d = object(value, at);
    known(d, Set.of("name", "chainId", "verifyingContract"), at + ".");
    if (d.isEmpty()) {
      throw invalid(at, "name at least one of name, chainId, verifyingContract");
    }
    Optional<String> name =
        d.containsKey("name") ? Optional.of(text(d.get("name"), at + ".name")) : Optional.empty();
    Optional<BigInteger> chainId =
        d.containsKey("chainId")
            ? Optional.of(chainId(d.get("chainId"), at + ".chainId"))
            : Optional.empty();
    Optional<String> contract =
        d.containsKey("verifyingContract")
            ? Optional.of(
                PolicyAddresses.normalize(
                    Chain.ETHEREUM,
                    text(d.get("verifyingContract"), at + ".verifyingContract"),
                    at + ".verifyingContract"))
            : Optional.empty();
    return new ChainRules.DomainRule(name, chainId, contract);
  }

  private static BigInteger chainId(Object value, String at) {
    if (!(value instanceof StrictJson.Number n) || !n.literal().matches("[1-9][0-9]{0,18}")) {
      throw invalid(at, "a chain id is a positive integer");
    }
    BigInteger id = new BigInteger(n.literal());
    if (id.compareTo(BigInteger.valueOf(org.planbok.wallet.chain.evm.EvmChainId.MAX)) > 0) {
      throw invalid(at, "a chain id is at most " + org.planbok.wallet.chain.evm.EvmChainId.MAX);
    }
    return id;
  }

  private static Optional<BigInteger> amount(Object value, String at) {
    if (value == null) {
      return Optional.empty();
    }
    String digits =
        value instanceof String s ? s : value instanceof StrictJson.Number n ? n.literal() : null;
    if (digits == null || !digits.matches("0|[1-9][0-9]{0,77}")) {
      throw invalid(
          at, "an amount is a non-negative integer in the chain's base unit, as a string");
    }
    BigInteger amount = new BigInteger(digits);
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw invalid(at, "an amount is below 2^256");
    }
    return Optional.of(amount);
  }

  private static void onlyFor(Map<String, Object> m, String member, boolean applies, String at) {
    if (m.containsKey(member) && !applies) {
      throw invalid(at + "." + member, "not a rule of this chain");
    }
  }

  private static void known(Map<String, Object> m, Set<String> names, String prefix) {
    for (String key : m.keySet()) {
      if (!names.contains(key)) {
        throw invalid(prefix + key, "unknown member");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String at) {
    if (!(value instanceof Map)) {
      throw invalid(at, "must be an object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw invalid(at, "must be an array");
    }
    List<Object> items = (List<Object>) value;
    if (items.size() > MAX_LIST) {
      throw invalid(at, "at most " + MAX_LIST + " entries");
    }
    return items;
  }

  private static String text(Object value, String at) {
    if (!(value instanceof String s) || s.isEmpty() || s.length() > 256) {
      throw invalid(at, "must be a string of 1 to 256 characters");
    }
    return s;
  }

  private static boolean bool(Object value, String at, boolean absent) {
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Boolean b)) {
      throw invalid(at, "must be true or false");
    }
    return b;
  }

  static Refused invalid(String field, String detail) {
    return Refused.invalid(field, field + ": " + detail);
  }

  /** Whether raw 32-byte digests may be signed (they show nothing a rule could check). */
  public boolean rawDigest() {
    return rawDigest;
  }

  /** The rules of {@code chain}, or empty: nothing is signed on a chain the policy leaves out. */
  public Optional<ChainRules> chain(Chain chain) {
    return Optional.ofNullable(chains.get(chain));
  }

  public Map<Chain, ChainRules> chains() {
    return chains;
  }

  /** The canonical JSON text, as stored and answered. */
  public String canonical() {
    return canonical;
  }

  /** SHA-256 of the canonical text. */
  public byte[] hash() {
    return hash.clone();
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }

  static String chainName(Chain chain) {
    return Chains.name(chain);
  }

  static String evm(String address, String field) {
    return EvmAddress.parse(address, field).toString().toLowerCase();
  }
}
