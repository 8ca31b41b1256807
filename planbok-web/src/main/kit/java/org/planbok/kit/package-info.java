/**
 * Planbok's client kit for Java apps on the customer's device: the PIN's encryptedSecret, the
 * security answers' answersSecret, and the opening of exports. Only the JDK and BouncyCastle
 * (bcprov), so integrators can copy the files.
 */
package org.planbok.kit;
