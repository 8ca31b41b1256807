/**
 * Boolean circuits for two-party computation: an immutable gate list in single-assignment form, the
 * builder that writes them (with constant folding), and the circuits Planbok evaluates jointly.
 */
package org.planbok.mpc.circuit;
