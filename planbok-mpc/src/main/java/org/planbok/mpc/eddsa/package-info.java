/**
 * Two-party EdDSA (RFC 8032 PureEdDSA over ed25519) with additive key shares: key generation,
 * signing and refresh as explicit state machines (DESIGN §4). Node 2 plays {@link
 * org.planbok.mpc.session.Party#P1}, Node 1 plays {@link org.planbok.mpc.session.Party#P2}.
 */
package org.planbok.mpc.eddsa;
