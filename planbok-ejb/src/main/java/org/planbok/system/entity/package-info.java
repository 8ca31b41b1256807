/** Persistent state of the system feature. */
package org.planbok.system.entity;
