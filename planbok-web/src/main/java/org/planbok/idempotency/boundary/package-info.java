/**
 * {@link org.planbok.idempotency.boundary.Idempotent} on a resource method makes it take an {@code
 * Idempotency-Key} and run once per key; the interceptor does it for every such method.
 */
package org.planbok.idempotency.boundary;
