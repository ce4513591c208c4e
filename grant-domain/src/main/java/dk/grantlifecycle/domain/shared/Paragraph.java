package dk.grantlifecycle.domain.shared;

/** The sections of Serviceloven (SEL) the backend handles. */
public enum Paragraph {
    SEL80("§ 80"),
    SEL82A("§ 82a"),
    SEL82B("§ 82b"),
    SEL83("§ 83"),
    SEL85("§ 85"),
    SEL85A("§ 85a"),
    SEL95("§ 95"),
    SEL96("§ 96"),
    SEL97("§ 97"),
    SEL98("§ 98"),
    SEL99("§ 99"),
    SEL101("§ 101"),
    SEL101A("§ 101a"),
    SEL102("§ 102"),
    SEL103("§ 103"),
    SEL104("§ 104"),
    SEL107("§ 107"),
    SEL108("§ 108"),
    SEL109("§ 109"),
    SEL110("§ 110");

    private final String label;

    Paragraph(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
