/** Creating, finding, listing (keyset pagination) and disabling an organization's customers. */
package org.planbok.customer.control;
