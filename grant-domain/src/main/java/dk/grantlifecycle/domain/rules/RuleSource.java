package dk.grantlifecycle.domain.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /**
     * The rule files shipped with the domain module, from its build tree or its jar (for tests and
     * tools; the service loads them through Spring's resources).
     */
    public static List<RuleSource> shipped() {
        URL marker = RuleSource.class.getClassLoader().getResource("rules/README.md");
        if (marker == null) {
            throw new IllegalStateException("the shipped rule files are not on the classpath");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromDirectory(jar.provider().getPath(uri).getParent());
                }
            }
            return fromDirectory(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
