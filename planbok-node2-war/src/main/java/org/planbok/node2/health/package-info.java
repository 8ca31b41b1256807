/** MicroProfile Health checks for Node 2: its gRPC server listens and its database answers. */
package org.planbok.node2.health;
