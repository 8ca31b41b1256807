/** Appending to Node 1's audit chains, reading them back a page at a time, and verifying them. */
package org.planbok.audit.control;
