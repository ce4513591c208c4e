package dk.grantlifecycle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results as JSON (every figure) and Markdown (tables with the targets), written at the end of a run. */
final class Report {

    final Map<String, Object> root = new LinkedHashMap<>();
    private final List<String[]> targets = new ArrayList<>();

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return Math.round(v * 100.0) / 100.0;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String name) {
        return (Map<String, Object>) root.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    /** One line of the targets table: what, target, measured, met. */
    void target(String what, String target, String measured, Boolean met) {
        targets.add(new String[]{what, target, measured, met == null ? "n/a" : met ? "yes" : "**no**"});
        List<Map<String, Object>> list = (List<Map<String, Object>>) root.computeIfAbsent("targets", k -> new ArrayList<>());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("what", what);
        t.put("target", target);
        t.put("measured", measured);
        t.put("met", met);
        list.add(t);
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("latest.json").toFile(), root);
        Files.writeString(dir.resolve("latest.md"), markdown());
    }

    @SuppressWarnings("unchecked")
    private String markdown() {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        Map<String, Object> run = (Map<String, Object>) root.get("run");
        if (run != null) {
            md.append("| run | |\n|---|---|\n");
            run.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        md.append("## Targets\n\n| what | target | measured | met |\n|---|---|---|---|\n");
        for (String[] t : targets) {
            md.append("| ").append(String.join(" | ", t)).append(" |\n");
        }
        md.append('\n');
        for (Map.Entry<String, Object> e : root.entrySet()) {
            if (e.getKey().equals("run") || e.getKey().equals("targets")) {
                continue;
            }
            md.append("## ").append(e.getKey()).append("\n\n");
            table(md, e.getValue());
            md.append('\n');
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void table(StringBuilder md, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            md.append(value).append('\n');
            return;
        }
        // Rows whose values are maps of figures become a table with one column per figure.
        List<String> columns = new ArrayList<>();
        Map<String, Object> scalars = new LinkedHashMap<>();
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
            if (e.getValue() instanceof Map<?, ?> row) {
                rows.put(e.getKey(), (Map<String, Object>) row);
                for (Object k : row.keySet()) {
                    if (!columns.contains((String) k)) {
                        columns.add((String) k);
                    }
                }
            } else {
                scalars.put(e.getKey(), e.getValue());
            }
        }
        if (!scalars.isEmpty()) {
            md.append("| figure | value |\n|---|---|\n");
            scalars.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            md.append('\n');
        }
        if (!rows.isEmpty()) {
            md.append("| |");
            columns.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append("\n|---|");
            columns.forEach(c -> md.append("---|"));
            md.append('\n');
            rows.forEach((name, row) -> {
                md.append("| ").append(name).append(" |");
                columns.forEach(c -> md.append(' ').append(row.getOrDefault(c, "")).append(" |"));
                md.append('\n');
            });
        }
    }
}
