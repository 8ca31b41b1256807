/**
 * HTTP for organizations: bearer authentication of API keys and of the operator, the caller's
 * organization for the request, an organization's own key management and the operator's creation of
 * organizations.
 */
package org.planbok.organization.boundary;
