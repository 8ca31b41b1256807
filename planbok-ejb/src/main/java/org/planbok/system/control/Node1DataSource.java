package org.planbok.system.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Node 1's own datasource, never shared with Node 2. Payara resolves the settings from MicroProfile
 * Config (system properties or environment variables) when the application deploys: H2 files under
 * the data folder by default, PostgreSQL in production and in the integration tests.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/node1",
    className = "${MPCONFIG=planbok.node1.db.datasource-class}",
    url = "${MPCONFIG=planbok.node1.db.url}",
    user = "${MPCONFIG=planbok.node1.db.user}",
    password = "${MPCONFIG=planbok.node1.db.password}",
    minPoolSize = 1,
    maxPoolSize = 32)
@Singleton
public class Node1DataSource {}
