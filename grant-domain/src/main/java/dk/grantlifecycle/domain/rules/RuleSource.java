package dk.grantlifecycle.domain.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of one rule file and its name relative to the rules root, e.g.
 * {@code lejre/2025-08-11.yaml} or {@code law/2018-07-01.yaml}.
 */
public record RuleSource(String name, String content) {

    /** All {@code *.yaml} files under a directory, named relative to it. */
    public static List<RuleSource> fromDirectory(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .map(p -> new RuleSource(root.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule files shipped with the domain module (for tests and tools that run from a build tree). */
    public static List<RuleSource> shipped() {
        URL marker = RuleSource.class.getClassLoader().getResource("rules/rule-ids.txt");
        if (marker == null || !"file".equals(marker.getProtocol())) {
            throw new IllegalStateException("rule files are not on a file classpath; load them through the application");
        }
        try {
            return fromDirectory(Path.of(marker.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
