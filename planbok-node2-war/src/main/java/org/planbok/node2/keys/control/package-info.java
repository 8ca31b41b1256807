/**
 * Node 2's key shares: keygen and refresh in two phases (stage under the session id, finalize by
 * commit or abandon, clean-up of what nobody finalized), and the persisted freeze of DESIGN §3.
 */
package org.planbok.node2.keys.control;
