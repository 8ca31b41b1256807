/** The joint key aggregate as Node 1 holds it, and its identifiers. */
package org.planbok.keys.entity;
