/** The webhooks API ({@code /api/v1/webhooks}, API key) and its console twin (admins only). */
package org.planbok.webhooks.boundary;
