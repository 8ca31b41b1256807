package org.planbok.wallet.chain.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * An EIP-712 typed-data document as {@code eth_signTypedData_v4} takes it ({@code types}, {@code
 * primaryType}, {@code domain}, {@code message}) and its digest {@code Keccak-256(0x19 ‖ 0x01 ‖
 * domainSeparator ‖ hashStruct(message))}.
 *
 * <p>Parsing is strict, because what a person approves in a wallet must be exactly what is signed:
 * every member of a struct must be present and no other may appear, arrays have the declared
 * length, integers are in range, {@code bytesN} values have N bytes, duplicate JSON keys are
 * refused. Every error names the JSON path ({@code typedData.message.to.wallet}).
 */
public final class TypedData {
  /** Largest accepted document, in characters. */
  public static final int MAX_CHARS = 128 * 1024;

  private static final String ROOT = "typedData";
  private static final String DOMAIN_TYPE = "EIP712Domain";
  private static final Set<String> TOP_LEVEL = Set.of("types", "primaryType", "domain", "message");

  private final TypedDataTypes types;
  private final byte[] domainSeparator;
  private final byte[] messageHash;
  private final Object domainChainId;
  private final Map<String, Object> domain;

  private TypedData(
      TypedDataTypes types,
      byte[] domainSeparator,
      byte[] messageHash,
      Object domainChainId,
      Map<String, Object> domain) {
    this.types = types;
    this.domainSeparator = domainSeparator;
    this.messageHash = messageHash;
    this.domainChainId = domainChainId;
    this.domain = domain;
  }

  /** Parses and hashes {@code json}; throws {@link ChainFormatException} naming the JSON path. */
  public static TypedData parse(String json) {
    if (json == null || json.isBlank()) {
      throw new ChainFormatException(ROOT, "missing");
    }
    if (json.length() > MAX_CHARS) {
      throw new ChainFormatException(ROOT, "longer than " + MAX_CHARS + " characters");
    }
    Map<String, Object> root = TypedDataTypes.object(StrictJson.parse(json, ROOT), ROOT);
    for (String key : root.keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        throw new ChainFormatException(ROOT + "." + key, "unknown member");
      }
    }
    TypedDataTypes types = TypedDataTypes.parse(member(root, "types"), ROOT + ".types");
    if (!types.defines(DOMAIN_TYPE)) {
      throw new ChainFormatException(ROOT + ".types", "EIP712Domain is not defined");
    }
    Object primary = member(root, "primaryType");
    if (!(primary instanceof String primaryType) || !types.defines(primaryType)) {
      throw new ChainFormatException(ROOT + ".primaryType", "must name a type in types");
    }
    Object domain = member(root, "domain");
    byte[] separator = types.hashStruct(DOMAIN_TYPE, domain, ROOT + ".domain");
    Map<String, Object> domainMembers = TypedDataTypes.object(domain, ROOT + ".domain");
    Object chainId = domainMembers.get("chainId");
    // eth_signTypedData_v4: when the primary type is the domain itself there is no message hash.
    byte[] messageHash =
        primaryType.equals(DOMAIN_TYPE)
            ? null
            : types.hashStruct(primaryType, member(root, "message"), ROOT + ".message");
    return new TypedData(types, separator, messageHash, chainId, domainMembers);
  }

  private static Object member(Map<String, Object> root, String name) {
    Object v = root.get(name);
    if (v == null) {
      throw new ChainFormatException(ROOT + "." + name, "missing");
    }
    return v;
  }

  /** The domain's {@code name}, when it has one (hashStruct has checked it is a string). */
  public Optional<String> domainName() {
    return Optional.ofNullable(domain.get("name")).map(String.class::cast);
  }

  /** The domain's {@code chainId}, when it has one. */
  public Optional<BigInteger> domainChainId() {
    return Optional.ofNullable(domainChainId)
        .map(c -> TypedDataTypes.integer(c, "uint256", ROOT + ".domain.chainId"));
  }

  /** The domain's {@code verifyingContract}, when it has one. */
  public Optional<EvmAddress> domainVerifyingContract() {
    return Optional.ofNullable(domain.get("verifyingContract"))
        .map(
            v ->
                EvmAddress.parse(
                    String.valueOf(v).toLowerCase(), ROOT + ".domain.verifyingContract"));
  }

  /** hashStruct(EIP712Domain, domain). */
  public byte[] domainSeparator() {
    return domainSeparator.clone();
  }

  /** hashStruct(primaryType, message). */
  public Optional<byte[]> messageHash() {
    return Optional.ofNullable(messageHash).map(byte[]::clone);
  }

  /** The digest to sign (EIP-712 §Specification: {@code encode(domainSeparator, message)}). */
  public byte[] digest() {
    byte[] prefix = {0x19, 0x01};
    return messageHash == null
        ? Hashes.keccak256(prefix, domainSeparator)
        : Hashes.keccak256(prefix, domainSeparator, messageHash);
  }

  /**
   * Refuses a document whose domain names another chain. A domain without {@code chainId} is
   * accepted: EIP-712 makes the member optional, and some protocols sign chain-independent data.
   */
  public TypedData requireChain(EvmChainId chainId) {
    if (domainChainId != null) {
      BigInteger found = TypedDataTypes.integer(domainChainId, "uint256", ROOT + ".domain.chainId");
      if (!found.equals(chainId.toBigInteger())) {
        throw new ChainFormatException(
            ROOT + ".domain.chainId",
            "typed data is for chain " + found + ", the request is for chain " + chainId);
      }
    }
    return this;
  }

  /**
   * {@code encodeType} of a struct type, e.g. {@code Mail(Person from,Person to,string contents)…}.
   */
  public String encodeType(String type) {
    return types.encodeType(type);
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
