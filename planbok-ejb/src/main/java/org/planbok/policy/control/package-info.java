/**
 * A policy document and its rules, the evaluation of a signing request against them, the rolling
 * day's spending, and the decision statement Node 2 binds into the SIGN ticket.
 */
package org.planbok.policy.control;
