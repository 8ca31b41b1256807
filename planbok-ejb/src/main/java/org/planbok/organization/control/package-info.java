/** Creating organizations, issuing, authenticating and revoking API keys, and operator access. */
package org.planbok.organization.control;
