package org.planbok.policy.control;

import java.math.BigInteger;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.PayloadKind;

/**
 * Evaluates one policy against one signing request, deny by default: a chain the policy leaves out
 * signs nothing, raw digests only when {@code rawDigest} is true, personal_sign only when {@code
 * personalSign} is, typed data only for a listed domain, EVM transactions only for a listed chain
 * id, Solana instructions only for listed programs; then the recipients (deny list first, then the
 * allow list when there is one: a recipient the payload does not name is refused by an allow list)
 * and the value of this signature. The rolling day's total needs the store and is checked by {@link
 * Policies} after this. Pure and allocation-light: it runs on every signature.
 */
public final class PolicyRules {
  private PolicyRules() {}

  public static PolicyVerdict evaluate(PolicyDocument policy, SigningRequest request) {
    if (request.kind() == PayloadKind.DIGEST && !policy.rawDigest()) {
      return PolicyVerdict.refused(
          "rawDigest", "digest", "the policy does not allow signing raw digests");
    }
    if (request.chain() == null) {
      return PolicyVerdict.ALLOWED;
    }
    Optional<ChainRules> found = policy.chain(request.chain());
    if (found.isEmpty()) {
      return PolicyVerdict.refused(
          "chains",
          "chain",
          "the policy allows no signatures on " + PolicyDocument.chainName(request.chain()));
    }
    ChainRules rules = found.get();
    PolicyVerdict kind = kindRules(rules, request);
    if (!kind.allowed()) {
      return kind;
    }
    for (SigningRequest.Recipient r : request.recipients()) {
      if (r.address() != null && rules.deny().contains(r.address())) {
        return PolicyVerdict.refused(
            "recipients.deny", r.field(), r.address() + " is on the policy's deny list");
      }
      if (rules.allow() != null && (r.address() == null || !rules.allow().contains(r.address()))) {
        return PolicyVerdict.refused(
            "recipients.allow",
            r.field(),
            r.address() == null
                ? "the recipient is not named in the payload, and the policy allows only listed"
                    + " recipients"
                : r.address() + " is not on the policy's allow list");
      }
    }
    if (rules.maxValue().isPresent() && request.value().compareTo(rules.maxValue().get()) > 0) {
      return PolicyVerdict.refused(
          "maxValue",
          request.valueField(),
          request.value() + " is above the policy's maxValue " + rules.maxValue().get());
    }
    return PolicyVerdict.ALLOWED;
  }

  /** The rolling day's rule: {@code spent} before this signature, plus its value. */
  public static PolicyVerdict perDay(
      PolicyDocument policy, SigningRequest request, BigInteger spent) {
    Optional<BigInteger> limit =
        request.chain() == null
            ? Optional.empty()
            : policy.chain(request.chain()).flatMap(ChainRules::maxValuePerDay);
    if (limit.isPresent() && spent.add(request.value()).compareTo(limit.get()) > 0) {
      return PolicyVerdict.refused(
          "maxValuePerDay",
          request.valueField(),
          spent
              + " signed in the last 24 hours plus "
              + request.value()
              + " is above the policy's maxValuePerDay "
              + limit.get());
    }
    return PolicyVerdict.ALLOWED;
  }

  private static PolicyVerdict kindRules(ChainRules rules, SigningRequest request) {
    switch (request.kind()) {
      case PERSONAL_SIGN -> {
        if (!rules.personalSign()) {
          return PolicyVerdict.refused(
              "personalSign", "message", "the policy does not allow personal_sign");
        }
      }
      case TYPED_DATA -> {
        SigningRequest.Domain d = request.domain().orElseThrow();
        boolean listed =
            rules.typedDataDomains().stream()
                .anyMatch(
                    r ->
                        matches(r.name(), d.name())
                            && matches(r.chainId(), d.chainId())
                            && matches(r.verifyingContract(), d.verifyingContract()));
        if (!listed) {
          return PolicyVerdict.refused(
              "typedDataDomains",
              "typedData.domain",
              "the typed data's domain is not among the policy's typedDataDomains");
        }
      }
      case EVM_TRANSACTION -> {
        BigInteger id = request.evmChainId().orElseThrow();
        if (!rules.chainIds().contains(id)) {
          return PolicyVerdict.refused(
              "chainIds", "chainId", "chain id " + id + " is not among the policy's chainIds");
        }
      }
      case SOLANA_TRANSACTION -> {
        for (SigningRequest.Program p : request.programs()) {
          if (!rules.programs().contains(p.id())) {
            return PolicyVerdict.refused(
                "programs", p.field(), "program " + p.id() + " is not among the policy's programs");
          }
        }
      }
      default -> {
        // DIGEST (checked before), PSBT, NEAR and TRON have no rule of their own kind.
      }
    }
    return PolicyVerdict.ALLOWED;
  }

  /** A domain rule's member matches when it is not given, or equals the document's. */
  private static <T> boolean matches(Optional<T> rule, Optional<T> actual) {
    return rule.isEmpty() || rule.equals(actual);
  }
}
