/** Node 2's half of each joint key, sealed, with its two-phase state and its frozen flag. */
package org.planbok.node2.keys.entity;
