/**
 * Black-box tests of the running system: the EAR on Payara Server (deployed by Arquillian) and Node
 * 2 on Payara Micro, both on PostgreSQL. Each test reads as a story a user or operator would tell.
 */
package org.planbok.it;
