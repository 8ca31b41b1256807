/**
 * Secret verifiers (sealed HMACs, never the secrets) and their attempt counters, and the kinds of
 * subject with the one unlock purpose each has and what each purpose may buy.
 */
package org.planbok.node2.secrets.entity;
