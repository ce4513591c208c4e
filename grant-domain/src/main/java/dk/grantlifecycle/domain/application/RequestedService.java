package dk.grantlifecycle.domain.application;

import java.util.List;

/**
 * A service the citizen asks for: a code (a catalogue code such as GLX-COOKING, or the
 * caseworker's own), a description, and the VUM themes the need is on.
 */
public record RequestedService(String code, String description, List<String> themes) {

    public List<String> themesOrEmpty() {
        return themes == null ? List.of() : themes;
    }
}
