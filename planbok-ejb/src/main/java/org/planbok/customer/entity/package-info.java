/** The customer aggregate and its value objects. */
package org.planbok.customer.entity;
