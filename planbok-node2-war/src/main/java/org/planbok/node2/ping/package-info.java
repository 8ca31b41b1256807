/** The Ping call: Node 2 tells Node 1 who it is and which build it runs. */
package org.planbok.node2.ping;
