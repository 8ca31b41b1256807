/**
 * Protocol sessions on Node 2: one gRPC stream per session, one party object per stream. Node 2
 * plays P1 of every protocol (DESIGN §4): it keeps its share sealed, signs only with a ticket it
 * minted, and freezes a key whose joint signature fails.
 */
package org.planbok.node2.sessions;
