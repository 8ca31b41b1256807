/**
 * The admin console's users: people bound to one organization with the role {@code admin} or {@code
 * viewer}, signing in with a password kept as an Argon2id hash.
 */
package org.planbok.console;
