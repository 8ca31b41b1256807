/**
 * Signing policies: what an organization (and, narrower, one of its customers) lets its wallets
 * sign, checked on the chain layer's parsed payload before Node 2 is asked (docs/policies.md).
 */
package org.planbok.policy;
