/** HTTP for customers: create, get, list with keyset pagination and filters, disable. */
package org.planbok.customer.boundary;
