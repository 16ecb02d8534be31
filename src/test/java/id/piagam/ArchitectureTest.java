package id.piagam;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import id.piagam.account.LoginThrottle;
import id.piagam.account.PasswordPolicy;
import id.piagam.assessment.Assessment;
import id.piagam.assessment.GradeScale;
import id.piagam.attendance.AttendanceRate;
import id.piagam.attendance.AttendanceStatus;
import id.piagam.certificate.EligibilityPolicy;
import id.piagam.numbering.NumberPattern;
import id.piagam.participant.Golongan;
import id.piagam.participant.IdentityMatch;
import id.piagam.participant.Nik;
import id.piagam.participant.Nip;
import id.piagam.participant.Nrp;
import id.piagam.participant.ParticipantRules;
import id.piagam.programme.EventRules;
import id.piagam.participant.Phone;
import id.piagam.text.Bahasa;
import id.piagam.text.CleanText;
import id.piagam.verification.RateLimiter;
import id.piagam.web.TrustedProxies;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The package graph and its layers, kept so by the build: features depend on each other in one
 * direction only (programme below enrolment, attendance and scoring, those below certificate, and the
 * read sides — records, verification, exchange, home — on top), rules stay plain classes, only the
 * renderer knows OpenPDF and only pages know views.
 */
@AnalyzeClasses(packages = "id.piagam", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The business rules the README lists: plain classes, unit-tested without a context. */
    private static final List<Class<?>> RULES = List.of(EligibilityPolicy.class, EventRules.class, ParticipantRules.class,
            PasswordPolicy.class, Nip.class, Nik.class, Nrp.class, Golongan.class, Phone.class, IdentityMatch.class,
            NumberPattern.class, GradeScale.class, Assessment.class, AttendanceRate.class, AttendanceStatus.class,
            Bahasa.class, CleanText.class, LoginThrottle.class, TrustedProxies.class, RateLimiter.class);

    private static final DescribedPredicate<JavaClass> RULE_CLASSES = DescribedPredicate.describe("rule classes",
            c -> c.getSimpleName().endsWith("Rules") || c.getSimpleName().endsWith("Policy")
                    || RULES.stream().anyMatch(r -> c.getName().equals(r.getName()) || c.getName().startsWith(r.getName() + "$")));

    /** A page handler (…Page, …Pages), the page renderer, or the bean definitions Micronaut generates for them. */
    private static final Pattern PAGE = Pattern.compile("id\\.piagam\\.[a-z]+\\.\\$?([A-Za-z]+Pages?|EagerThymeleafRenderer)(\\$.*)?");

    @ArchTest
    static final ArchRule featurePackagesFormNoCycle = slices().matching("id.piagam.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule rulesImportNoFrameworkJdbcOrWebType = noClasses().that(RULE_CLASSES)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..", "jakarta.persistence..",
                    "java.sql..", "javax.sql..", "com.zaxxer..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("id.piagam.web.ProblemException");

    @ArchTest
    static final ArchRule onlyRenderingImportsOpenPdf = noClasses().that().resideOutsideOfPackage("id.piagam.rendering..")
            .should().dependOnClassesThat().resideInAnyPackage("com.lowagie..", "org.openpdf..");

    /**
     * The one exception, named: {@code SharedSubsetFont} lives in OpenPDF's own package because it overrides a
     * package-private method there (issue #14). Nothing else of ours lives outside {@code id.piagam}, and it knows
     * nothing of Piagam (the renderer, the only user of OpenPDF above, is its only user).
     */
    static final String SHARED_SUBSET_FONT = "com.lowagie.text.pdf.SharedSubsetFont";

    @Test
    void theOnlyClassOutsideOurPackageIsTheSharedSubsetFontAndItKnowsNothingOfPiagam() {
        JavaClasses ours = new ClassFileImporter().importPath(Path.of("target/classes"));
        List<String> outside = ours.stream().map(JavaClass::getName).filter(n -> !n.startsWith("id.piagam."))
                .filter(n -> !n.equals(SHARED_SUBSET_FONT) && !n.startsWith(SHARED_SUBSET_FONT + "$")).toList();
        assertThat(outside).isEmpty();
        assertThat(ours.get(SHARED_SUBSET_FONT).getDirectDependenciesFromSelf())
                .noneMatch(d -> d.getTargetClass().getPackageName().startsWith("id.piagam"));
    }

    /** Verification, records, exports and template previews need a link or a preview, not the issuing service. */
    @ArchTest
    static final ArchRule readSidesDoNotUseTheIssuingService = noClasses()
            .that().resideInAnyPackage("id.piagam.verification..", "id.piagam.records..", "id.piagam.exchange..", "id.piagam.templates..")
            .should().dependOnClassesThat().haveFullyQualifiedName("id.piagam.certificate.CertificateService");

    /**
     * A class that needs more than twelve collaborators does several jobs (issuing once took fourteen:
     * rules, numbering, printing, signing and storing); split it. Records are data, and the classes
     * Micronaut generates (named with a '$') add the framework's own parameters.
     */
    @ArchTest
    static final ArchRule noClassTakesMoreThanTwelveCollaborators = constructors()
            .that().areDeclaredInClassesThat(DescribedPredicate.describe("our classes that are not records",
                    (JavaClass c) -> !c.getName().substring(c.getPackageName().length() + 1).startsWith("$")
                            && !c.reflect().isRecord()))
            .should(new ArchCondition<JavaConstructor>("take at most 12 parameters") {
                @Override
                public void check(JavaConstructor constructor, ConditionEvents events) {
                    int count = constructor.getRawParameterTypes().size();
                    events.add(new SimpleConditionEvent(constructor, count <= 12,
                            constructor.getFullName() + " takes " + count + " parameters"));
                }
            });

    @ArchTest
    static final ArchRule onlyPagesUseViews = noClasses()
            .that(DescribedPredicate.not(DescribedPredicate.describe("pages", (JavaClass c) -> PAGE.matcher(c.getName()).matches())))
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.views..");
}
