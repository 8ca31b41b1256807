/**
 * Protocol sessions on Node 2: one gRPC stream per session, one party object per stream. Node 2
 * plays P1 of every protocol (DESIGN §4): key generation, signing, share refresh and the release of
 * its share for an export. It keeps its share sealed, takes part only with a ticket it minted,
 * stages new shares until Node 1 finalizes them, and freezes a key whose joint signature fails.
 */
package org.planbok.node2.sessions;
