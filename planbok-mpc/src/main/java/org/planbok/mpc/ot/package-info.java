/**
 * Maliciously secure 1-out-of-2 oblivious transfer of 16-byte strings, many at once, for the
 * garbled-circuit key generation of issue 13: κ = 128 base OTs by Chou–Orlandi, "The Simplest
 * Protocol for Oblivious Transfer" (LATINCRYPT 2015), extended by Ishai–Kilian–Nissim–Petrank,
 * "Extending Oblivious Transfers Efficiently" (CRYPTO 2003), with the consistency check of
 * Keller–Orsini–Scholl, "Actively Secure OT Extension with Optimal Overhead" (CRYPTO 2015, revised
 * ePrint 2015/546 after Roy, "SoftSpokenOT", CRYPTO 2022). Entry points: {@link
 * org.planbok.mpc.ot.OtSender} and {@link org.planbok.mpc.ot.OtReceiver}.
 */
package org.planbok.mpc.ot;
