/**
 * Non-interactive zero-knowledge proofs, each bound to a session id, a party and a domain label.
 */
package org.planbok.mpc.zk;
