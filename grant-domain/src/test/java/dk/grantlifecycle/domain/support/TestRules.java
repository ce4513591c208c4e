package dk.grantlifecycle.domain.support;

import dk.grantlifecycle.domain.rules.RuleBook;
import dk.grantlifecycle.domain.rules.RuleSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Rule files for tests, loaded once. */
public final class TestRules {

    /**
     * The tests' own rule files (a frozen copy of the shipped files, see rules-fixture/README.md),
     * so that a municipality's shipped file can change without breaking the aggregate tests.
     */
    public static final RuleBook FIXTURE = RuleBook.load(fixtureSources());

    private TestRules() {
    }

    /** The tests' rule files as sources, for tests that load them together with a file of their own. */
    public static List<RuleSource> fixtureSources() {
        return RuleSource.fromDirectory(directory("rules-fixture"));
    }

    private static Path directory(String name) {
        try {
            return Path.of(TestRules.class.getClassLoader().getResource(name + "/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
