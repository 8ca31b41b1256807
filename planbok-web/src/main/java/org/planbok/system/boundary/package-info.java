/**
 * HTTP and health endpoints of the system feature. Boundaries live in the web module: Payara's
 * OpenAPI and Health scan only the WAR of an EAR, and a boundary is web-facing anyway.
 */
package org.planbok.system.boundary;
