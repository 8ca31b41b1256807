/**
 * Node 2: the isolated co-signer. It holds the second key share (Lindell's P1 for ECDSA), answers
 * Node 1 only over mutual TLS, and keeps its own database.
 */
package org.planbok.node2;
