/** The vault aggregate: a subject's client salt, its wrapped vault keys and their verifiers. */
package org.planbok.custody.entity;
