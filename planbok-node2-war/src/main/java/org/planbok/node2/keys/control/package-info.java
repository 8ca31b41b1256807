/**
 * Node 2's key shares: two-phase finalize (stage, commit, abandon, clean-up of abandoned halves),
 * refresh, and the persisted freeze of DESIGN §3.
 */
package org.planbok.node2.keys.control;
