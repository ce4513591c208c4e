package dk.grantlifecycle.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rule IDs of RULES.md: the only names a rule file, a decision or a refusal may give a rule.
 * Serialized as the ID itself ({@code "SEL85-TARGET"}), so events and problem answers read like the
 * rule book. {@link #RULESET} is not a rule of RULES.md but the rule set itself: no rules are loaded
 * for a municipality or a date.
 */
public enum RuleId {
    ACCESS_LOG("ACCESS-LOG"),
    ACTION_PLAN("ACTION-PLAN"),
    ANONYMOUS("ANONYMOUS"),
    APPEAL_OUTCOME("APPEAL-OUTCOME"),
    BPA_COMPLAINT_2W("BPA-COMPLAINT-2W"),
    BPA_SUSPENSIVE("BPA-SUSPENSIVE"),
    CASE_ACUTE("CASE-ACUTE"),
    CASE_DEADLINE("CASE-DEADLINE"),
    CASE_DEADLINE_LETTER("CASE-DEADLINE-LETTER"),
    CASE_REMITTED("CASE-REMITTED"),
    COMPLAINT_ANY_FORM("COMPLAINT-ANY-FORM"),
    COMPLAINT_NO_SUSPENSION("COMPLAINT-NO-SUSPENSION"),
    COMPLAINT_NOT_APPEALABLE("COMPLAINT-NOT-APPEALABLE"),
    COMPLAINT_RECONSIDER("COMPLAINT-RECONSIDER"),
    COMPLAINT_WINDOW("COMPLAINT-WINDOW"),
    CPR_VALID("CPR-VALID"),
    DEADLINE_COUNT("DEADLINE-COUNT"),
    DECISION_CONTENT("DECISION-CONTENT"),
    DST_REPORT("DST-REPORT"),
    ELIG_ADULT("ELIG-ADULT"),
    END_REASONS("END-REASONS"),
    EXCL_85_COVERED("EXCL-85-COVERED"),
    EXCL_98_97("EXCL-98-97"),
    EXCL_99_SUPPLEMENT("EXCL-99-SUPPLEMENT"),
    EXCL_BPA_97("EXCL-BPA-97"),
    GLX_CLEAN("GLX-CLEAN"),
    GLX_COOKING("GLX-COOKING"),
    GLX_ECONOMY("GLX-ECONOMY"),
    GLX_ESCORT("GLX-ESCORT"),
    GLX_LAUNDRY("GLX-LAUNDRY"),
    GLX_MOVE("GLX-MOVE"),
    GLX_NETWORK("GLX-NETWORK"),
    GLX_RETAIN("GLX-RETAIN"),
    GLX_SELFCARE("GLX-SELFCARE"),
    GLX_SHOPPING("GLX-SHOPPING"),
    GLX_STRUCTURE("GLX-STRUCTURE"),
    GLX_TREATMENT("GLX-TREATMENT"),
    GROUP_FIRST("GROUP-FIRST"),
    HEARING("HEARING"),
    LEAST_INTRUSIVE("LEAST-INTRUSIVE"),
    NO_DELETE_WITHOUT_ARCHIVE("NO-DELETE-WITHOUT-ARCHIVE"),
    NO_FAMILY_PROVIDER("NO-FAMILY-PROVIDER"),
    NO_FREE_CHOICE("NO-FREE-CHOICE"),
    NOTICE_3A_14W("NOTICE-3A-14W"),
    NOTICE_3A_COMPLAINT("NOTICE-3A-COMPLAINT"),
    OWN_PAYMENT("OWN-PAYMENT"),
    PII_NOT_IN_CLEAR("PII-NOT-IN-CLEAR"),
    PLACE_SIZE("PLACE-SIZE"),
    RECEIPT("RECEIPT"),
    SEL101_GUARANTEE("SEL101-GUARANTEE"),
    SEL101_STATUS("SEL101-STATUS"),
    SEL103_FOLLOWUP("SEL103-FOLLOWUP"),
    SEL103_TARGET("SEL103-TARGET"),
    SEL103_WAGE("SEL103-WAGE"),
    SEL104_AGE67("SEL104-AGE67"),
    SEL104_FOLLOWUP("SEL104-FOLLOWUP"),
    SEL104_REPEATED_CANCEL("SEL104-REPEATED-CANCEL"),
    SEL104_TARGET("SEL104-TARGET"),
    SEL107_FOLLOWUP("SEL107-FOLLOWUP"),
    SEL107_TARGET("SEL107-TARGET"),
    SEL108_FOLLOWUP("SEL108-FOLLOWUP"),
    SEL108_TARGET("SEL108-TARGET"),
    SEL109_FOLLOWUP("SEL109-FOLLOWUP"),
    SEL110_FOLLOWUP("SEL110-FOLLOWUP"),
    SEL80_FOLLOWUP("SEL80-FOLLOWUP"),
    SEL85_FOLLOWUP_6M("SEL85-FOLLOWUP-6M"),
    SEL85_GOALS("SEL85-GOALS"),
    SEL85_HOLIDAY_7D("SEL85-HOLIDAY-7D"),
    SEL85_NOT_SINGLE_TASK("SEL85-NOT-SINGLE-TASK"),
    SEL85_NOT_TREATMENT("SEL85-NOT-TREATMENT"),
    SEL85_PARTIAL("SEL85-PARTIAL"),
    SEL85_PENSIONER("SEL85-PENSIONER"),
    SEL85_REASSESS_12W("SEL85-REASSESS-12W"),
    SEL85_TARGET("SEL85-TARGET"),
    SEL85_UNDER25("SEL85-UNDER25"),
    SEL85A_FOLLOWUP("SEL85A-FOLLOWUP"),
    SEL96_FOLLOWUP("SEL96-FOLLOWUP"),
    SEL96_TARGET("SEL96-TARGET"),
    SEL97_15H("SEL97-15H"),
    SEL97_DEDUCT("SEL97-DEDUCT"),
    SEL97_SAVE_90H("SEL97-SAVE-90H"),
    SEL97_TARGET("SEL97-TARGET"),
    SEL98_FOLLOWUP("SEL98-FOLLOWUP"),
    SEL98_HOURS("SEL98-HOURS"),
    SEL98_NOTICE_SOURCE_CONFLICT("SEL98-NOTICE-SOURCE-CONFLICT"),
    SEL99_NO_VISITATION("SEL99-NO-VISITATION"),
    SHELTER_NOTIFY("SHELTER-NOTIFY"),
    TEMPORARY_FIRST("TEMPORARY-FIRST"),
    VUM_EVIDENCE("VUM-EVIDENCE"),
    VUM_SCALE("VUM-SCALE"),
    VUM_THEMES("VUM-THEMES"),
    RULESET("RULESET");

    private static final Map<String, RuleId> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    private final String id;

    RuleId(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<RuleId> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    @JsonCreator
    public static RuleId of(String id) {
        return find(id).orElseThrow(() -> new MalformedInput("rule", "'" + id + "' is not a rule ID of RULES.md"));
    }

    @Override
    public String toString() {
        return id;
    }
}
