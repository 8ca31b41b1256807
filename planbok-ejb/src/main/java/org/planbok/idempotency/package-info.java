/**
 * Idempotency keys (DESIGN 7): a mutating call made twice with one key has its effect once, and the
 * second call gets the first one's response.
 */
package org.planbok.idempotency;
