/** Setting up, opening and re-keying vaults through Node 2's pepper oracle. */
package org.planbok.custody.control;
