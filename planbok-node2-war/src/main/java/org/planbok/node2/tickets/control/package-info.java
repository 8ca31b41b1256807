/**
 * Authorization tickets (DESIGN §6): minted by Node 2 only after a successful secret check, bound
 * to subject, key, operation, digest and expiry, MACed under a key derived from the master key, and
 * redeemed at most once.
 */
package org.planbok.node2.tickets.control;
