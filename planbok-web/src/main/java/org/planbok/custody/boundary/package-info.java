/** The secrets part of the API: fields that carry a client secret, and the views of a vault. */
package org.planbok.custody.boundary;
