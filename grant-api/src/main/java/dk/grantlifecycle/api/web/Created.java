package dk.grantlifecycle.api.web;

/** The id of what a request created. */
public record Created(String id) {
}
