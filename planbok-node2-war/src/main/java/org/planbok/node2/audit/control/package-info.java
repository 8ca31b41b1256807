/**
 * Node 2's audit log (DESIGN §8): every protocol session, secret check and key state change,
 * chained by SHA-256 so a verifier finds the first changed, removed or reordered row.
 */
package org.planbok.node2.audit.control;
