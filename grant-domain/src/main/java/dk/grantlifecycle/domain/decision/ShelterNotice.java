package dk.grantlifecycle.domain.decision;

/**
 * SHELTER-NOTIFY: the notices a shelter gives the municipality: of an admission and of a discharge
 * (within hverdage), and its contact with the municipality in the first days of the stay (CONTACT).
 */
public enum ShelterNotice { ADMISSION, DISCHARGE, CONTACT }
