/** The system feature's logic: identity, Node 2 status and the datasource definition. */
package org.planbok.system.control;
