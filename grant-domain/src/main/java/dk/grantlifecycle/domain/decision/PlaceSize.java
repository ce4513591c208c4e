package dk.grantlifecycle.domain.decision;

/** PLACE-SIZE: ½ place, ¾ place, 1/1 place (§ 103, § 104). */
public enum PlaceSize { HALF, THREE_QUARTERS, FULL }
