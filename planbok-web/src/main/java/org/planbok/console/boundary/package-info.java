/**
 * The admin console's HTTP side: sign-in through Jakarta Security into an HTTP session, the CSRF
 * and role checks that guard every console request, and the session-authenticated JSON API under
 * {@code /api/v1/console} that the static pages under {@code /console/} call.
 */
package org.planbok.console.boundary;
