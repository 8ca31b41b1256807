/**
 * Wallets: the addresses a customer (or an organization) holds on each chain, derived on demand
 * from its joint keys, and what a chain needs signed or exported, verified before it leaves.
 */
package org.planbok.wallet;
