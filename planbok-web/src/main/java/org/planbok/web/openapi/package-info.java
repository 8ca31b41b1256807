/**
 * The OpenAPI document's cross-cutting conventions, applied by one MicroProfile OpenAPI filter:
 * problem responses, the Idempotency-Key header and the required fields of every body, derived from
 * the annotations each resource method and body class already carries.
 */
package org.planbok.web.openapi;
