package dk.grantlifecycle.domain.grant;

/** SHELTER-NOTIFY: the two notices a shelter gives the municipality. */
public enum ShelterNotice { ADMISSION, DISCHARGE }
