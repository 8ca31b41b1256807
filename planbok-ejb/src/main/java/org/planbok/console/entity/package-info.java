/** Console users, their roles and their sign-in counters. */
package org.planbok.console.entity;
