/** Node 2's side of each protocol session, as a party driven one peer message at a time. */
package org.planbok.node2.sessions.control;
