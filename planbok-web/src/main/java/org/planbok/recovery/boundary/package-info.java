/**
 * The recovery API: the question catalogue, a customer's recovery settings, setting methods up and
 * removing them with the PIN, and recovering with the answers or the emailed kit.
 */
package org.planbok.recovery.boundary;
