/** The rows of Node 1's audit chains and the head of each chain. */
package org.planbok.audit.entity;
