/**
 * Organizations, the businesses that integrate Planbok, and the API keys they authenticate with.
 * Keys are shown once, stored as hashes and revocable; an organization sees only its own data.
 */
package org.planbok.organization;
