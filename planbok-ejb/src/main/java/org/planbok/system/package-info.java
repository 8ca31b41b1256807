/**
 * The system feature: this node's identity, Node 2's reachability and version, and the health
 * checks built on them.
 */
package org.planbok.system;
