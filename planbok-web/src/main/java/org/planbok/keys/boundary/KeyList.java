package org.planbok.keys.boundary;

import java.util.List;

/** The keys of one customer (at most one per curve), oldest first. */
public record KeyList(List<KeyView> items) {}
