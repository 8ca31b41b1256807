/** Creating console users, signing them in (slowed down after failures), and managing them. */
package org.planbok.console.control;
