package dk.grantlifecycle.domain.decision;

/**
 * Facts a caseworker establishes about the citizen or the request. Rule files say which facts a
 * paragraph or service requires or excludes, and under which rule ID; the facts themselves are
 * the caseworker's findings, recorded with the decision.
 */
public enum Fact {
    /** The applicant already receives state pension (SEL85-PENSIONER). */
    RECEIVES_STATE_PENSION,
    /** Help under § 83 was assessed before § 85 (SEL85-PENSIONER). */
    SEL83_ASSESSED_FIRST,
    /** The support asked for is treatment or therapy (SEL85-NOT-TREATMENT). */
    TREATMENT_OR_THERAPY,
    /** The need is a single task only, e.g. one supportive talk (SEL85-NOT-SINGLE-TASK). */
    SINGLE_TASK_ONLY,
    /** The need is already met by a § 104 or residential offer (EXCL-85-COVERED). */
    NEED_COVERED_BY_EXISTING_OFFER,
    /** Flex or skåne job or another law can serve the citizen (SEL103-TARGET). */
    OTHER_SCHEME_CAN_SERVE,
    /** The citizen cannot or will not be with others (SEL104-TARGET). */
    CANNOT_BE_WITH_OTHERS,
    /** Substantial and permanent impairment (SEL96-TARGET). */
    SUBSTANTIAL_PERMANENT_IMPAIRMENT,
    /** Extensive and composite need for help (SEL96-TARGET). */
    EXTENSIVE_COMPOSITE_NEED,
    /** Able to act as work leader (arbejdsleder) for the helpers (SEL96-TARGET). */
    ABLE_TO_ACT_AS_WORK_LEADER,
    /** Cannot move about alone outside the home (SEL97-TARGET). */
    CANNOT_MOVE_ABOUT_ALONE,
    /** The impairment stems from mental illness or social causes (SEL97-TARGET). */
    IMPAIRMENT_FROM_MENTAL_ILLNESS_OR_SOCIAL_CAUSES,
    /** Less intrusive options were tried or assessed first (SEL107-TARGET, SEL108-TARGET, LEAST-INTRUSIVE). */
    LESS_INTRUSIVE_TRIED_OR_ASSESSED,
    /** The need stems from age-related frailty alone (SEL107-TARGET, SEL108-TARGET). */
    AGE_FRAILTY_ONLY,
    /** The need stems from homelessness alone (SEL107-TARGET, SEL108-TARGET). */
    HOMELESSNESS_ONLY,
    /** The citizen has had § 85 support before (GLX-RETAIN, SEL85-REASSESS-12W). */
    EARLIER_SEL85_SUPPORT,
    /** The citizen meets the conditions for § 107 or § 108 (GLX-ESCORT). */
    MEETS_SEL107_SEL108_CONDITIONS,
    /** Traffic training is asked for (GLX-TREATMENT). */
    TRAFFIC_TRAINING_REQUESTED,
    /** The citizen uses free choice of treatment provider (SEL101-GUARANTEE). */
    FREE_CHOICE_OF_TREATMENT_PROVIDER
}
