package org.planbok.node2.identity;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Node 2's own datasource: never shared with Node 1. Its settings come from MicroProfile Config
 * (system properties or environment variables), resolved by Payara when the application deploys: H2
 * files under the data folder by default, PostgreSQL in production and in the integration tests.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/node2",
    className = "${MPCONFIG=planbok.node2.db.datasource-class}",
    url = "${MPCONFIG=planbok.node2.db.url}",
    user = "${MPCONFIG=planbok.node2.db.user}",
    password = "${MPCONFIG=planbok.node2.db.password}",
    minPoolSize = 1,
    maxPoolSize = 16)
@ApplicationScoped
public class Node2DataSource {}
