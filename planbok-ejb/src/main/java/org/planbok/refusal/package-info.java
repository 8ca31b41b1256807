/**
 * Why Node 1 said no, in the domain's words: control throws a {@link org.planbok.refusal.Refused}
 * naming a {@link org.planbok.refusal.Refusal}; the web module decides the HTTP status, the problem
 * type and which request field it names.
 */
package org.planbok.refusal;
