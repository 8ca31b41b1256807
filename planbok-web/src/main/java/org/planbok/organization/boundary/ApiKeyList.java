package org.planbok.organization.boundary;

import java.util.List;

/** All of an organization's keys, revoked ones included, oldest first. */
public record ApiKeyList(List<ApiKeyView> items) {}
