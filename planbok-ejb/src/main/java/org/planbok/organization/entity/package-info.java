/** Persistent state of organizations and their API keys, and their identifiers. */
package org.planbok.organization.entity;
