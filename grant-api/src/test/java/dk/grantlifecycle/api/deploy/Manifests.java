package dk.grantlifecycle.api.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what {@code deploy/} declares (kustomize build output where kubectl is installed, else
 * the YAML files themselves) and what the service reads (application.yml and the configuration
 * metadata of every library on the classpath), for the manifest tests.
 */
public final class Manifests {

    public static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    public static final Path APPLICATION_YML = Path.of("src", "main", "resources", "application.yml");

    /** Read by the JVM itself, not by the service's configuration. */
    public static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    private Manifests() {
    }

    /** Every YAML document in a file (a multi-document stream gives several). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object o : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (o instanceof Map<?, ?> m) {
                docs.add((Map<String, Object>) m);
            }
        }
        return docs;
    }

    public static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("node_modules")).sorted().toList();
        }
    }

    public static List<Path> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(DEPLOY.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** {@code kubectl kustomize} of a directory, or null where kubectl is not installed. */
    public static String kustomize(Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return null;
        }
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The rendered resources of an overlay: kustomize output, or base and overlay files read as they are. */
    public static List<Map<String, Object>> rendered(Path overlay) throws IOException, InterruptedException {
        String built = kustomize(overlay);
        if (built != null) {
            return documents(built);
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Path dir : List.of(DEPLOY.resolve("base"), overlay)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).toList()) {
                    docs.addAll(documents(Files.readString(f)));
                }
            }
        }
        return docs;
    }

    /** Environment variable names the service reads: application.yml placeholders and relaxed names of known properties. */
    public static Set<String> readByService() throws IOException {
        Set<String> names = new TreeSet<>();
        String yml = Files.readString(APPLICATION_YML);
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(yml);
        while (m.find()) {
            names.add(m.group(1));
        }
        for (Map<String, Object> doc : documents(yml)) {
            flatten("", doc, names);
        }
        ObjectMapper json = new ObjectMapper();
        Enumeration<URL> metadata = Manifests.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        for (URL url : Collections.list(metadata)) {
            try (InputStream in = url.openStream()) {
                JsonNode root = json.readTree(in);
                for (JsonNode property : root.path("properties")) {
                    names.add(relaxed(property.path("name").asText()));
                    names.add(legacy(property.path("name").asText()));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Set<String> names) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key, (Map<String, Object>) nested, names);
            } else {
                names.add(relaxed(key));
                names.add(legacy(key));
            }
        });
    }

    /** Spring Boot's environment variable form of a property: upper case, dots to underscores, dashes dropped. */
    public static String relaxed(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    /** The legacy form Spring Boot also accepts: dashes to underscores. */
    public static String legacy(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o, String... path) {
        Object at = o;
        for (String p : path) {
            at = at instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return at instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object o, String... path) {
        Object at = o;
        for (String p : path) {
            at = at instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return at instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    public static Object at(Object o, String... path) {
        Object at = o;
        for (String p : path) {
            at = at instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return at;
    }

    /** Resources of a kind. */
    public static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }
}
