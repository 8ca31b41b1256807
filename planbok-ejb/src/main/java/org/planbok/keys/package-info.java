/**
 * Joint keys and Node 1's part in them: Node 1 plays P2 of the two-party protocols, runs each
 * session with Node 2 over one gRPC stream, stores its share only once both nodes commit, and
 * verifies every signature itself before anyone sees it.
 */
package org.planbok.keys;
