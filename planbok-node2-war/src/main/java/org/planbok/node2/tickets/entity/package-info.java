/** The tickets Node 2 minted and whether each has been used; what a ticket may authorise. */
package org.planbok.node2.tickets.entity;
