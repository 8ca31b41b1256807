/**
 * Custody: what protects Node 1's key shares. Each subject (a customer, or an organization for its
 * own wallets) has a vault key that wraps its shares; the vault key is wrapped once per unlock
 * method under a key derived from the subject's secret and the pepper that only Node 2 answers for
 * a correct secret (DESIGN §5).
 */
package org.planbok.custody;
