package dk.grantlifecycle.domain.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.grantlifecycle.domain.rules.InvalidRuleFiles.Problem;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleViolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * All rule files, layered and resolved: {@link #inForce} answers which rules applied to a
 * municipality's paragraph on a date. Built once at start; an invalid file stops the start with
 * {@link InvalidRuleFiles}. A new municipality or a newly adopted standard is a new file.
 */
public final class RuleBook {

    private static final Pattern FILE_NAME = Pattern.compile("([a-z][a-z0-9-]*)/(\\d{4}-\\d{2}-\\d{2})\\.yaml");
    private static final String LAW_DIRECTORY = "law";

    private final Map<MunicipalityId, Map<Paragraph, TreeMap<LocalDate, RulesInForce>>> table;
    private final List<RuleFinding> findings;
    private final List<FileSummary> files;

    private RuleBook(Map<MunicipalityId, Map<Paragraph, TreeMap<LocalDate, RulesInForce>>> table,
                     List<RuleFinding> findings, List<FileSummary> files) {
        this.table = table;
        this.findings = findings;
        this.files = files;
    }

    /** A loaded file, for the API's listing of rule-set versions. */
    public record FileSummary(String file, RuleFile.Kind kind, String municipality, LocalDate effectiveFrom,
                              String source, Set<Paragraph> paragraphs) {
    }

    private record Layer(String file, RuleFile parsed, JsonNode general, Map<Paragraph, JsonNode> paragraphs) {
        LocalDate from() {
            return parsed.effectiveFrom();
        }
    }

    public static RuleBook shipped() {
        return load(RuleSource.shipped());
    }

    public static RuleBook load(List<RuleSource> sources) {
        ObjectMapper yaml = mapper();
        Set<String> knownRules = knownRuleIds();
        List<Problem> problems = new ArrayList<>();
        List<Layer> law = new ArrayList<>();
        Map<MunicipalityId, List<Layer>> municipal = new TreeMap<>(Comparator.comparing(MunicipalityId::value));
        Set<String> seen = new java.util.HashSet<>();

        List<Layer> parsed = new ArrayList<>();
        for (RuleSource source : sources) {
            Layer layer = parse(yaml, source, problems);
            if (layer != null) {
                parsed.add(layer);
            }
        }
        Set<String> themes = parsed.stream()
                .filter(l -> l.parsed().kind() == RuleFile.Kind.LAW && l.parsed().general() != null
                        && l.parsed().general().vumThemes() != null)
                .flatMap(l -> l.parsed().general().vumThemes().stream())
                .map(General.Theme::code)
                .collect(Collectors.toSet());
        for (Layer layer : parsed) {
            new RuleFileValidator(layer.file(), knownRules, themes, problems).validate(layer.parsed());
            String key = layer.file();
            if (!seen.add(key)) {
                problems.add(new Problem(key, null, "the same file is given twice"));
            }
            if (layer.parsed().kind() == RuleFile.Kind.LAW) {
                law.add(layer);
            } else if (layer.parsed().municipality() != null) {
                municipal.computeIfAbsent(layer.parsed().municipality(), m -> new ArrayList<>()).add(layer);
            }
        }
        if (law.isEmpty()) {
            problems.add(new Problem("law/", null, "no law file (kind: LAW) was found"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleFiles(problems);
        }
        law.sort(Comparator.comparing(Layer::from));
        municipal.values().forEach(l -> l.sort(Comparator.comparing(Layer::from)));

        LinkedHashSet<RuleFinding> findings = new LinkedHashSet<>();
        Map<MunicipalityId, Map<Paragraph, TreeMap<LocalDate, RulesInForce>>> table = new HashMap<>();
        for (var entry : municipal.entrySet()) {
            MunicipalityId m = entry.getKey();
            List<Layer> layers = entry.getValue();
            TreeSet<LocalDate> epochs = new TreeSet<>();
            law.forEach(l -> epochs.add(l.from()));
            layers.forEach(l -> epochs.add(l.from()));
            Map<Paragraph, TreeMap<LocalDate, RulesInForce>> byParagraph = new EnumMap<>(Paragraph.class);
            for (LocalDate epoch : epochs) {
                Layer lawLayer = latest(law, epoch, l -> true);
                if (lawLayer == null) {
                    continue;
                }
                Layer generalLayer = latest(layers, epoch, l -> l.general() != null);
                JsonNode generalNode = merge(lawLayer.general(), generalLayer == null ? null : generalLayer.general());
                floor(findings, generalLayer, lawLayer.general(), generalNode, "general", "complaintWindow",
                        "COMPLAINT-WINDOW", epoch);
                General general = bind(yaml, generalNode, General.class);
                for (Paragraph p : Paragraph.values()) {
                    Layer own = latest(layers, epoch, l -> l.paragraphs().containsKey(p));
                    JsonNode node = merge(lawLayer.paragraphs().get(p), own == null ? null : own.paragraphs().get(p));
                    floor(findings, own, lawLayer.paragraphs().get(p), node, "paragraphs." + p, "notice",
                            noticeConflictRule(p, knownRules), epoch);
                    RuleSetVersion version = new RuleSetVersion(m.value(), own == null ? null : own.from(), lawLayer.from());
                    RulesInForce rules = new RulesInForce(version, p, general, bind(yaml, node, ParagraphRules.class));
                    byParagraph.computeIfAbsent(p, x -> new TreeMap<>()).put(epoch, rules);
                }
            }
            table.put(m, byParagraph);
            for (Layer layer : layers) {
                flags(findings, layer);
            }
        }
        List<FileSummary> summaries = new ArrayList<>();
        for (Layer l : parsed) {
            summaries.add(new FileSummary(l.file(), l.parsed().kind(),
                    l.parsed().municipality() == null ? null : l.parsed().municipality().value(),
                    l.from(), l.parsed().source(), l.paragraphs().keySet()));
        }
        summaries.sort(Comparator.comparing(FileSummary::file));
        return new RuleBook(table, List.copyOf(findings), List.copyOf(summaries));
    }

    /**
     * The rules for a municipality's paragraph on a date: the law file in force then, overlaid by
     * the municipality's newest standard for the paragraph adopted on or before that date.
     */
    public RulesInForce inForce(MunicipalityId municipality, Paragraph paragraph, LocalDate date) {
        var byParagraph = table.get(municipality);
        if (byParagraph == null) {
            throw new RuleViolation("RULESET", "municipality", "no rule set is loaded for municipality '" + municipality
                    + "'; known: " + municipalities());
        }
        var entry = byParagraph.get(paragraph).floorEntry(date);
        if (entry == null) {
            throw new RuleViolation("RULESET", "date", "no rules were in force for " + municipality + " on " + date);
        }
        return entry.getValue();
    }

    /** The general rules (themes, ages, windows) for a municipality on a date. */
    public General general(MunicipalityId municipality, LocalDate date) {
        return inForce(municipality, Paragraph.SEL85, date).general();
    }

    public Set<MunicipalityId> municipalities() {
        return new TreeSet<>(Comparator.comparing(MunicipalityId::value)) {{
            addAll(table.keySet());
        }};
    }

    /** Conflicts with the law and flagged source values, as reported when the files were loaded. */
    public List<RuleFinding> findings() {
        return findings;
    }

    public List<FileSummary> files() {
        return files;
    }

    private static Layer parse(ObjectMapper yaml, RuleSource source, List<Problem> problems) {
        Matcher name = FILE_NAME.matcher(source.name());
        if (!name.matches()) {
            problems.add(new Problem(source.name(), null,
                    "a rule file is named <municipality or law>/<yyyy-mm-dd>.yaml"));
            return null;
        }
        JsonNode tree;
        RuleFile file;
        try {
            tree = yaml.readTree(source.content());
            if (tree == null || !tree.isObject()) {
                problems.add(new Problem(source.name(), null, "is empty or not a YAML mapping"));
                return null;
            }
            file = yaml.treeToValue(tree, RuleFile.class);
        } catch (JsonMappingException e) {
            problems.add(new Problem(source.name(), path(e), e.getOriginalMessage()));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(new Problem(source.name(), null, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
            return null;
        }
        boolean isLaw = LAW_DIRECTORY.equals(name.group(1));
        if (file.kind() == null) {
            problems.add(new Problem(source.name(), "kind", "is required (LAW or MUNICIPALITY)"));
            return null;
        }
        if (isLaw != (file.kind() == RuleFile.Kind.LAW)) {
            problems.add(new Problem(source.name(), "kind", "law files live in law/, municipal files in <municipality>/"));
        }
        if (!isLaw && (file.municipality() == null || !file.municipality().value().equals(name.group(1)))) {
            problems.add(new Problem(source.name(), "municipality", "must match the directory '" + name.group(1) + "'"));
        }
        if (file.effectiveFrom() == null || !file.effectiveFrom().toString().equals(name.group(2))) {
            problems.add(new Problem(source.name(), "effectiveFrom", "is required and must match the file name's date"));
            return null;
        }
        Map<Paragraph, JsonNode> paragraphs = new EnumMap<>(Paragraph.class);
        JsonNode pnode = tree.get("paragraphs");
        if (pnode != null && pnode.isObject()) {
            pnode.fields().forEachRemaining(e -> paragraphs.put(Paragraph.valueOf(e.getKey()), e.getValue()));
        }
        return new Layer(source.name(), file, tree.get("general"), paragraphs);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static Layer latest(List<Layer> layers, LocalDate date, java.util.function.Predicate<Layer> filter) {
        Layer found = null;
        for (Layer l : layers) {
            if (!l.from().isAfter(date) && filter.test(l)) {
                found = l;
            }
        }
        return found;
    }

    /** Objects merge field by field; lists and values of the overlay replace the base. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base == null || base.isNull()) {
            return overlay == null ? JsonNodeFactory.instance.objectNode() : overlay.deepCopy();
        }
        if (overlay == null || overlay.isNull()) {
            return base.deepCopy();
        }
        if (!base.isObject() || !overlay.isObject()) {
            return overlay.deepCopy();
        }
        ObjectNode result = ((ObjectNode) base).deepCopy();
        overlay.fields().forEachRemaining(e -> result.set(e.getKey(), merge(result.get(e.getKey()), e.getValue())));
        return result;
    }

    /**
     * A municipality may be more generous than the law, never less: where its period is shorter
     * than the law's, the law's applies and the conflict is reported.
     */
    private static void floor(Set<RuleFinding> findings, Layer own, JsonNode lawNode, JsonNode merged, String at,
                              String field, String rule, LocalDate epoch) {
        if (own == null || lawNode == null || lawNode.get(field) == null) {
            return;
        }
        JsonNode ownSection = at.equals("general") ? own.general() : own.paragraphs().get(Paragraph.valueOf(at.substring(11)));
        JsonNode ownValue = ownSection == null ? null : ownSection.get(field);
        if (ownValue == null) {
            return;
        }
        Period lawPeriod = Period.parse(lawNode.get(field).asText());
        Period ownPeriod = Period.parse(ownValue.asText());
        if (LegalCalendar.longer(lawPeriod, ownPeriod, epoch)) {
            ((ObjectNode) merged).put(field, lawNode.get(field).asText());
            findings.add(new RuleFinding(RuleFinding.Kind.CONFLICT, rule, own.file(), at + "." + field,
                    "the municipality's document says " + ownPeriod + ", the law says at least " + lawPeriod
                            + "; " + lawPeriod + " applies"));
        }
    }

    private static String noticeConflictRule(Paragraph p, Set<String> knownRules) {
        String specific = p.name() + "-NOTICE-SOURCE-CONFLICT";
        return knownRules.contains(specific) ? specific : "NOTICE-3A-14W";
    }

    private static void flags(Set<RuleFinding> findings, Layer layer) {
        if (layer.parsed().paragraphs() == null) {
            return;
        }
        layer.parsed().paragraphs().forEach((p, rules) -> {
            if (rules != null && rules.services() != null) {
                rules.services().forEach((code, s) -> {
                    if (s.dataFlag() != null) {
                        findings.add(new RuleFinding(RuleFinding.Kind.FLAG, s.rule() == null ? code : s.rule(),
                                layer.file(), "paragraphs." + p + ".services." + code, s.dataFlag()));
                    }
                });
            }
        });
    }

    private static <T> T bind(ObjectMapper yaml, JsonNode node, Class<T> type) {
        try {
            return yaml.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merged rules do not bind to " + type.getSimpleName(), e);
        }
    }

    static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static Set<String> knownRuleIds() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("rules/rule-ids.txt")) {
            if (in == null) {
                throw new IllegalStateException("rules/rule-ids.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
