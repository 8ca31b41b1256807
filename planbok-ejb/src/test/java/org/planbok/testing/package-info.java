/** Test support: Node 1's entities on a real database without the server. */
package org.planbok.testing;
