/**
 * Two-party evaluation of a boolean circuit by dual execution: each party garbles the circuit once
 * and evaluates the other's, and a secure equality check of the two results decides whether either
 * is released. Mohassel and Franklin, "Efficiency Tradeoffs for Malicious Two-Party Computation"
 * (PKC 2006), with the equality test of Huang, Katz and Evans, "Quid-Pro-Quo-tocols: Strengthening
 * Semi-Honest Protocols with Dual Execution" (IEEE S&amp;P 2012), §3–4. See {@link
 * org.planbok.mpc.dualex.DualExecution} for what it guarantees against a malicious peer.
 */
package org.planbok.mpc.dualex;
