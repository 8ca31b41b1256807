/**
 * Recovery (DESIGN §5): a customer who forgot the PIN gets the wallets back through security
 * questions or an emailed recovery kit, and nobody at Planbok can do it for them. Each method keeps
 * one more wrapping of the customer's vault key, under a key that needs both the customer's
 * recovery secret and Node 2's pepper for it; Node 2 counts wrong answers and kits, and makes the
 * email route wait. Every recovery ends in a new PIN, a new vault key, refreshed shares and revoked
 * tickets, so that nothing held before opens anything after.
 */
package org.planbok.recovery;
