/**
 * What Node 1 keeps at rest under a key its database does not hold: the {@link
 * org.planbok.atrest.DatabaseKey}, from which every keyed fingerprint and every sealed column
 * derives a key of its own, so a copy of the database alone can test no PIN or code guess and reads
 * no chain code.
 */
package org.planbok.atrest;
