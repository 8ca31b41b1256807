/** The Exports gRPC service: Node 2's export key and fresh export challenges. */
package org.planbok.node2.exports.boundary;
