/**
 * The history of the event schemas: the JSON form of stored events ({@link
 * dk.grantlifecycle.domain.upcasting.EventJson}) and the upcasters that bring events stored in an
 * earlier shape to the current one. An event class's {@code @Revision} changes only with an
 * upcaster from every earlier revision.
 */
package dk.grantlifecycle.domain.upcasting;
