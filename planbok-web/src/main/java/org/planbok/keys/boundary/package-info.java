/** The keys part of the API: key generation, raw signatures, refresh and protocol sessions. */
package org.planbok.keys.boundary;
