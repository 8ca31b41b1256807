/** Who this node is: an identity made at first start and kept in Node 2's own database. */
package org.planbok.node2.identity;
