/**
 * Planbok's two-party protocols as pure Java: no I/O, no transport, no persistence. Each feature
 * package holds one protocol or building block; parties are explicit state machines driven by the
 * caller.
 */
package org.planbok.mpc;
