/** Keys Node 2 generated itself, stored sealed under the master key. */
package org.planbok.node2.sealing.entity;
