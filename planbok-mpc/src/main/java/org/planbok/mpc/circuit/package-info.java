/**
 * Boolean circuits for two-party computation: an immutable gate list in single-assignment form, the
 * builder that writes them (with constant folding), and the circuits Planbok evaluates jointly:
 * SHA-512 (FIPS 180-4) and, on it, Ed25519 key generation from a shared seed (RFC 8032 §5.1.5).
 */
package org.planbok.mpc.circuit;
