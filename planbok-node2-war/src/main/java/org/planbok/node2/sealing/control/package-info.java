/**
 * Sealing at rest: AES-256-GCM under keys derived from the master key given by MicroProfile Config,
 * with the purpose and the record id bound as associated data; master key rotation.
 */
package org.planbok.node2.sealing.control;
