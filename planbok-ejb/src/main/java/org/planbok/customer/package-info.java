/**
 * Customers: the end users of an organization, each known by the organization's own external
 * reference and an email address. Their PINs and wallets build on this module.
 */
package org.planbok.customer;
