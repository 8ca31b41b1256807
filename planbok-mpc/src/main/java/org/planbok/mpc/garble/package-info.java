/**
 * Two-party garbled circuits: half-gates garbling (Zahur, Rosulek, Evans, "Two Halves Make a
 * Whole", EUROCRYPT 2015, §3) with free-XOR (Kolesnikov, Schneider, ICALP 2008), hashed by
 * fixed-key AES as the tweakable circular correlation-robust hash of Guo, Katz, Wang, Yu (IEEE
 * S&amp;P 2020; ePrint 2019/074 §7.4), and output decoding that authenticates the evaluator's
 * labels.
 */
package org.planbok.mpc.garble;
