/** The wallet aggregate: one address of one joint key on one chain. */
package org.planbok.wallet.entity;
