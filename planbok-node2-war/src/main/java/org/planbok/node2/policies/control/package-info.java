/**
 * Node 2's check of Node 1's policy decisions: the published hashes, the organization a customer
 * belongs to, and the gate every SIGN ticket request passes before a secret is checked.
 */
package org.planbok.node2.policies.control;
