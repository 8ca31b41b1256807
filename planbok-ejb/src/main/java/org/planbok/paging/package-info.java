/** Keyset pagination shared by every list of the API: ordered by creation time, then id. */
package org.planbok.paging;
