/** Test fixtures: Node 2's store beans built by hand on a real database, without the server. */
package org.planbok.node2.testing;
