/**
 * The recovery flows: setting methods up and removing them with the PIN, recovering with answers or
 * with the emailed kit after the waiting period, and the steps every recovery ends with.
 */
package org.planbok.recovery.control;
