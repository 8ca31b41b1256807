/**
 * Node 1's way to Node 2: a gRPC channel over mutual TLS produced from MicroProfile Config, and
 * {@link org.planbok.node2client.Node2Client}, which maps gRPC outcomes to domain errors.
 */
package org.planbok.node2client;
