package dev.xblmock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;

/**
 * The layering of ARCHITECTURE.md, over production classes only.
 *
 * <p>Every rule fails when violated, and none passes because it matches nothing. Each was checked by
 * temporarily adding violating class references to production code and watching the rule concerned
 * report exactly those: {@code ErrorCode} referencing {@code titlestorage.BlobType} and {@code Resettable}
 * referencing {@code emulator.Readiness} (common is a leaf); a throwaway {@code userstats.Probe} referencing
 * {@code BlobType}, and in a second run {@code BlobType} referencing the probe (bounded contexts, both
 * directions); {@code HealthController} (@RestController via meta-annotation) and {@code ErrorPageController}
 * holding a {@code BlobStore} (controllers); {@code MemoryBlobStore} referencing
 * {@code jakarta.servlet.http.HttpServletRequest}, and in the second run {@code org.springframework.web.util.UriUtils}
 * (stores); {@code XboxService} referencing {@code org.springframework.http.HttpStatus} (services).
 * The fixture rules were checked the same way: {@code HealthController} referencing {@code fixture.XblMock}, and
 * {@code fixture.XblMock} and {@code emulator.SeedLoader} referencing {@code org.junit.jupiter.api.Test}.
 * {@code allowEmptyShould(false)} makes a rule whose subject matches no class fail instead of passing
 * silently (e.g. after a package rename).
 */
@AnalyzeClasses(packages = "dev.xblmock", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Set<String> BOUNDED_CONTEXTS = Set.of("titlestorage", "userstats");

    /**
     * The two bounded contexts never import each other. As slices, the rule already bites while only
     * {@code titlestorage} exists in a build and covers both directions as soon as {@code userstats} does.
     */
    @ArchTest
    static final ArchRule boundedContextsAreIndependent = slices()
            .matching("dev.xblmock.(*)..")
            .namingSlices("bounded context $1")
            .that(DescribedPredicate.describe("are titlestorage or userstats",
                    slice -> BOUNDED_CONTEXTS.contains(slice.getNamePart(1))))
            .should().notDependOnEachOther()
            .allowEmptyShould(false);


    /**
     * No two packages depend on each other, directly or around a loop: each package can be read, tested and
     * replaced from the bottom up (the Title Storage domain types sit in a leaf the stores may use, and the
     * control plane's pieces depend on its settings, never the other way). Checked by a temporary reference
     * from {@code titlestorage.domain.BlobKey} to {@code titlestorage.TitleStorageService}, which this rule
     * reported as the cycle {@code domain -> titlestorage -> domain}.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("dev.xblmock.(**)")
            .namingSlices("package $1")
            .should().beFreeOfCycles()
            .because("a cycle ties packages together so neither can change, be tested or be replaced alone");

    /** {@code common} is the shared leaf: it knows neither context nor the control plane. */
    @ArchTest
    static final ArchRule commonIsALeaf = noClasses()
            .that().resideInAPackage("dev.xblmock.common..")
            .should().dependOnClassesThat().resideInAnyPackage("..titlestorage..", "..userstats..", "..emulator..")
            .allowEmptyShould(false);

    /**
     * The cluster backend's engines ({@code cluster}: properties, pool, bucket) are a leaf like {@code common}: the
     * stores that use them live in their contexts, so neither context reaches the other through it. The shared
     * control-plane state ({@code cluster.state}) sits above the contexts, like the control plane itself.
     */
    @ArchTest
    static final ArchRule clusterEnginesAreALeaf = noClasses()
            .that().resideInAPackage("dev.xblmock.cluster")
            .should().dependOnClassesThat().resideInAnyPackage("..titlestorage..", "..userstats..", "..emulator..")
            .because("the engines are shared by every context and the control plane's shared state")
            .allowEmptyShould(false);

    /**
     * The HTTPS listener and the proxy ({@code tls}) are an add-on around the application: neither service
     * nor the shared leaf depends on them. Checked by a temporary reference from {@code XboxService} to
     * {@code tls.CoveredNames}, which this rule reported.
     */
    @ArchTest
    static final ArchRule nothingDependsOnTheTlsAddOn = noClasses()
            .that().resideInAnyPackage("dev.xblmock.common..", "dev.xblmock.titlestorage..", "dev.xblmock.userstats..")
            .should().dependOnClassesThat().resideInAPackage("dev.xblmock.tls..")
            .allowEmptyShould(false);

    /** Controllers only translate HTTP: they reach stores through services, never directly. */
    @ArchTest
    static final ArchRule controllersDoNotUseStores = noClasses()
            .that().areMetaAnnotatedWith(Controller.class) // @RestController included
            .should().dependOnClassesThat().resideInAPackage("..store..")
            .allowEmptyShould(false);

    /**
     * The control plane and the test fixture write through the contexts' services (seeding included), so the
     * type, JSON and ownership rules live in one place. Checked by a temporary reference from
     * {@code emulator.seed.SeedLoader} to {@code titlestorage.store.BlobStore}, which this rule reported.
     */
    @ArchTest
    static final ArchRule theControlPlaneNeverTouchesAStore = noClasses()
            .that().resideInAnyPackage("dev.xblmock.emulator..", "dev.xblmock.fixture..")
            .should().dependOnClassesThat().resideInAPackage("..store..")
            .allowEmptyShould(false)
            .because("a store written around the services skips the rules the services hold (type, JSON, owner, size)");

    /** Stores hold bytes and metadata and know nothing of the web. */
    @ArchTest
    static final ArchRule storesKnowNothingOfTheWeb = noClasses()
            .that().resideInAPackage("..store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
            .allowEmptyShould(false);

    /**
     * Services hold the rules and know nothing of HTTP: neither the servlet and Spring web APIs nor our own web
     * packages ({@code common.web}, {@code titlestorage.web}, …: query parameters, wire names, the pipeline's
     * request values). Controllers turn requests into typed commands and outcomes into wire answers. The
     * subject is every class named {@code *Service} outside a web package ({@code XboxService} is the pipeline's
     * name of a service, not one). Checked by making {@code TitleStorageService} call {@code QueryParameters.parse}
     * and {@code BatchDownloadService} take a {@code titlestorage.web.BatchParts}: the rule failed on both. (A
     * string constant such as {@code HttpHeaders.ETAG} is inlined by the compiler and escapes bytecode rules.)
     */
    @ArchTest
    static final ArchRule servicesKnowNothingOfHttp = noClasses()
            .that().haveSimpleNameEndingWith("Service").and().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.servlet..", "org.springframework.http..", "org.springframework.web..",
                    "dev.xblmock.common.web..", "..web..")
            .because("services hold the rules and must not read requests or write wire answers")
            .allowEmptyShould(false);

    /**
     * The in-process test fixture ({@code fixture}, {@code fixture.junit}) sits on top of the application:
     * the server never depends on it, so it runs (and is packaged) exactly as without it.
     */
    @ArchTest
    static final ArchRule nothingDependsOnTheTestFixture = noClasses()
            .that().resideOutsideOfPackage("dev.xblmock.fixture..")
            .should().dependOnClassesThat().resideInAPackage("dev.xblmock.fixture..")
            .allowEmptyShould(false);

    /**
     * JUnit is an optional dependency that consumers bring: only the extension may use it, so the server and
     * the programmatic {@code XblMock} API run without it.
     */
    @ArchTest
    static final ArchRule onlyTheJUnitExtensionUsesJUnit = noClasses()
            .that().resideOutsideOfPackage("dev.xblmock.fixture.junit..")
            .should().dependOnClassesThat().resideInAPackage("org.junit..")
            .allowEmptyShould(false);
}
