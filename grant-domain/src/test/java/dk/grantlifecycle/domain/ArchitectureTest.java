package dk.grantlifecycle.domain;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.grantlifecycle.domain.rules.LegalCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * grant-domain stays free of Spring (web and everything else) and of JPA: it is Axon and plain Java;
 * its packages depend on each other without cycles; aggregates do not read the wall clock.
 */
class ArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.grantlifecycle.domain");
    }

    @Test
    void noSpringWebInTheDomain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(domain);
    }

    @Test
    void noJpaInTheDomain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "javax.persistence..", "org.hibernate..", "org.springframework.data..")
                .check(domain);
    }

    @Test
    void noSpringAtAllInTheDomain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(domain);
    }

    /** DEADLINE-COUNT: one place computes legal dates, so a rule about dates is written and tested once. */
    static final DescribedPredicate<JavaMethodCall> DATE_ARITHMETIC = new DescribedPredicate<>("date arithmetic on LocalDate") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTargetOwner().isEquivalentTo(java.time.LocalDate.class)
                    && (call.getName().startsWith("plus") || call.getName().startsWith("minus"));
        }
    };

    @Test
    void legalDatesComeFromTheCalendarOnly() {
        noClasses().that().doNotHaveFullyQualifiedName(LegalCalendar.class.getName())
                .should().callMethodWhere(DATE_ARITHMETIC)
                .check(domain);
    }

    @Test
    void aggregatesDoNotReadTheWallClock() {
        noClasses().should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .check(domain);
    }

    /** The aggregates' packages build on the shared kernel, the decision vocabulary and the rules, never on each other in a circle. */
    @Test
    void noPackageCycles() {
        slices().matching("dk.grantlifecycle.domain.(*)..").should().beFreeOfCycles().check(domain);
    }
}
