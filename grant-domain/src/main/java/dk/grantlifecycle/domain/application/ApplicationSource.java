package dk.grantlifecycle.domain.application;

/** Who brought the application: the citizen, or a partner (psychiatry, jobcentre, relatives, ...). */
public record ApplicationSource(Channel channel, String partner) {

    public enum Channel { CITIZEN, PARTNER }
}
