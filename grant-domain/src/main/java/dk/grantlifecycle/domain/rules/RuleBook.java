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
import dk.grantlifecycle.domain.decision.RuleSetVersion;
import dk.grantlifecycle.domain.rules.InvalidRuleFiles.Problem;
import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;
import dk.grantlifecycle.domain.shared.RuleId;
import dk.grantlifecycle.domain.shared.RuleViolation;

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
    private final Map<MunicipalityId, List<AssumptionInForce>> assumptions;

    private final LegalCalendar calendar = new LegalCalendar();

    private RuleBook(Map<MunicipalityId, Map<Paragraph, TreeMap<LocalDate, RulesInForce>>> table,
                     List<RuleFinding> findings, List<FileSummary> files, Map<MunicipalityId, List<AssumptionInForce>> assumptions) {
        this.table = table;
        this.findings = findings;
        this.files = files;
        this.assumptions = assumptions;
    }

    /**
     * A value no source gives, as it applies to a municipality: the file and section that state it
     * ({@code section} is {@code general} or a paragraph such as {@code SEL85}), the field and its
     * value, the reason it was taken, and from when it applies. A municipality's file that sets the
     * field itself overrides the assumption, which then no longer applies.
     */
    public record AssumptionInForce(String file, String section, String field, String value, String reason,
                                    LocalDate inForceFrom) {
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
            new RuleFileValidator(layer.file(), themes, problems).validate(layer.parsed());
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
        Map<MunicipalityId, List<AssumptionInForce>> assumed = new TreeMap<>(Comparator.comparing(MunicipalityId::value));
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
                assumptions(generalNode, lawLayer, lawLayer.general(), generalLayer, generalLayer == null ? null : generalLayer.general(),
                        "general", epoch, assumed.computeIfAbsent(m, x -> new ArrayList<>()));
                floor(findings, generalLayer, lawLayer.general(), generalNode, "general", "complaintWindow",
                        RuleId.COMPLAINT_WINDOW, epoch);
                General general = bind(yaml, generalNode, General.class);
                for (Paragraph p : Paragraph.values()) {
                    Layer own = latest(layers, epoch, l -> l.paragraphs().containsKey(p));
                    JsonNode node = merge(lawLayer.paragraphs().get(p), own == null ? null : own.paragraphs().get(p));
                    assumptions(node, lawLayer, lawLayer.paragraphs().get(p), own, own == null ? null : own.paragraphs().get(p),
                            p.name(), epoch, assumed.computeIfAbsent(m, x -> new ArrayList<>()));
                    floor(findings, own, lawLayer.paragraphs().get(p), node, "paragraphs." + p, "notice",
                            noticeConflictRule(p), epoch);
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
        Map<MunicipalityId, List<AssumptionInForce>> assumptions = new TreeMap<>(Comparator.comparing(MunicipalityId::value));
        assumed.forEach((m, list) -> assumptions.put(m, List.copyOf(list)));
        return new RuleBook(table, List.copyOf(findings), List.copyOf(summaries), assumptions);
    }

    /**
     * The assumptions in force in a merged section: the law's, unless the municipality's layer sets
     * the field itself, plus the municipality's own. The merged node gets the combined list (a plain
     * merge would let the municipality's list replace the law's), and each is listed once per
     * municipality, from the first date it applies.
     */
    private static void assumptions(JsonNode merged, Layer lawLayer, JsonNode lawSection, Layer ownLayer, JsonNode ownSection,
                                    String section, LocalDate epoch, List<AssumptionInForce> listed) {
        com.fasterxml.jackson.databind.node.ArrayNode combined = JsonNodeFactory.instance.arrayNode();
        java.util.function.BiConsumer<Layer, JsonNode> add = (layer, node) -> {
            String field = node.path("field").asText();
            combined.add(node.deepCopy());
            boolean known = listed.stream().anyMatch(a -> a.file().equals(layer.file()) && a.section().equals(section)
                    && a.field().equals(field));
            if (!known) {
                JsonNode value = "effectiveFrom".equals(field) ? JsonNodeFactory.instance.textNode(layer.from().toString())
                        : merged.get(field);
                listed.add(new AssumptionInForce(layer.file(), section, field, value == null ? null
                        : value.isValueNode() ? value.asText() : value.toString(), node.path("reason").asText(), epoch));
            }
        };
        if (lawSection != null && lawSection.get("assumptions") != null) {
            for (JsonNode a : lawSection.get("assumptions")) {
                boolean overridden = ownSection != null && ownSection.has(a.path("field").asText());
                if (!overridden) {
                    add.accept(lawLayer, a);
                }
            }
        }
        if (ownSection != null && ownSection.get("assumptions") != null) {
            for (JsonNode a : ownSection.get("assumptions")) {
                add.accept(ownLayer, a);
            }
        }
        if (merged instanceof ObjectNode object) {
            if (combined.isEmpty()) {
                object.remove("assumptions");
            } else {
                object.set("assumptions", combined);
            }
        }
    }

    /** Per municipality, every value no source gives that applies to it, with its reason (see {@link AssumptionInForce}). */
    public Map<MunicipalityId, List<AssumptionInForce>> assumptions() {
        return assumptions;
    }

    /**
     * The rules for a municipality's paragraph on a date: the law file in force then, overlaid by
     * the municipality's newest standard for the paragraph adopted on or before that date.
     */
    public RulesInForce inForce(MunicipalityId municipality, Paragraph paragraph, LocalDate date) {
        var byParagraph = table.get(municipality);
        if (byParagraph == null) {
            throw new RuleViolation(RuleId.RULESET, "municipality", "no rule set is loaded for municipality '" + municipality
                    + "'; known: " + municipalities());
        }
        var entry = byParagraph.get(paragraph).floorEntry(date);
        if (entry == null) {
            throw new RuleViolation(RuleId.RULESET, "date", "no rules were in force for " + municipality + " on " + date);
        }
        return entry.getValue();
    }

    /** The one calendar that computes legal dates (DEADLINE-COUNT, RECEIPT, hverdage). */
    public LegalCalendar calendar() {
        return calendar;
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
                              String field, RuleId rule, LocalDate epoch) {
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

    private static RuleId noticeConflictRule(Paragraph p) {
        return RuleId.find(p.name() + "-NOTICE-SOURCE-CONFLICT").orElse(RuleId.NOTICE_3A_14W);
    }

    private static void flags(Set<RuleFinding> findings, Layer layer) {
        if (layer.parsed().paragraphs() == null) {
            return;
        }
        layer.parsed().paragraphs().forEach((p, rules) -> {
            if (rules != null && rules.services() != null) {
                rules.services().forEach((code, s) -> {
                    if (s.dataFlag() != null) {
                        findings.add(new RuleFinding(RuleFinding.Kind.FLAG, s.rule() != null ? s.rule() : RuleId.find(code).orElse(null),
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

}
