/** The Node 1 coordinator: key generation, signing, refresh and export sessions with Node 2. */
package org.planbok.keys.control;
