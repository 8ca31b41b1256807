/** Node 2's gRPC server: mutual TLS that admits only Node 1's certificate. */
package org.planbok.node2.grpc;
