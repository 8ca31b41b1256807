/** The Policies gRPC service: Node 1 publishes each scope's current policy hash. */
package org.planbok.node2.policies.boundary;
