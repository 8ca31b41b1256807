package org.planbok.policy.control;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one chain in a policy. A list that is {@code null} sets no bound (any recipient not
 * denied); the lists that allow a kind of signature ({@code chainIds}, {@code typedDataDomains},
 * {@code programs}) deny that kind when absent: deny by default.
 *
 * @param allow recipients allowed, normalized per chain; null: any recipient that is not denied
 * @param deny recipients refused
 * @param maxValue largest value of one signature, in the chain's base unit (wei, satoshi, lamports,
 *     yoctoNEAR, sun)
 * @param maxValuePerDay largest total of the values signed by one owner on this chain within any 24
 *     hours
 * @param chainIds ethereum: the EIP-155 chain ids transactions may name
 * @param personalSign ethereum: whether personal_sign (EIP-191) messages are signed
 * @param typedDataDomains ethereum: the EIP-712 domains typed data may name
 * @param programs solana: the program ids instructions may call
 */
public record ChainRules(
    Set<String> allow,
    Set<String> deny,
    Optional<BigInteger> maxValue,
    Optional<BigInteger> maxValuePerDay,
    Set<BigInteger> chainIds,
    boolean personalSign,
    List<DomainRule> typedDataDomains,
    Set<String> programs) {

  /**
   * An EIP-712 domain typed data may name: each member given must equal the document's (a member
   * left out matches anything); at least one is given.
   */
  public record DomainRule(
      Optional<String> name, Optional<BigInteger> chainId, Optional<String> verifyingContract) {}
}
