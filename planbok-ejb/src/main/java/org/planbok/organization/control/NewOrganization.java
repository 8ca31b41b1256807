package org.planbok.organization.control;

import org.planbok.organization.entity.Organization;

/** An organization just created with its first API key, whose text is shown once. */
public record NewOrganization(Organization organization, IssuedApiKey firstKey) {}
