/** The rows of Node 2's append-only, hash-chained audit log and the head that anchors it. */
package org.planbok.node2.audit.entity;
