package dk.grantlifecycle.domain.rules;

import dk.grantlifecycle.domain.shared.MunicipalityId;
import dk.grantlifecycle.domain.shared.Paragraph;

import java.time.LocalDate;
import java.util.Map;

/**
 * One rule file as written: the law (kind LAW) or a municipality's standard adopted on a date.
 * Files are layered: what is in force for a municipality, paragraph and date is the law file in
 * force then, overlaid by the newest standard of that municipality that covers the paragraph.
 */
public record RuleFile(
        Kind kind,
        MunicipalityId municipality,
        String name,
        LocalDate effectiveFrom,
        String source,
        General general,
        Map<Paragraph, ParagraphRules> paragraphs) {

    public enum Kind { LAW, MUNICIPALITY }
}
