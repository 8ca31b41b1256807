/**
 * The pepper oracle of DESIGN §5: Node 2 checks a subject's secret against its own verifier, counts
 * and locks out wrong attempts atomically, and only on success returns the pepper and a ticket.
 */
package org.planbok.node2.secrets.control;
