package app.facet.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering of the modules, checked on the compiled classes of all of them (the app module sees every one). */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // DO_NOT_INCLUDE_TESTS skips target/test-classes, but `verify` puts core's test-jar (fixtures, benchmarks) on the path
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")).importPackages("app.facet");
    }

    @Test
    void everyModuleIsImported() {
        // a rule over an empty set passes vacuously: make sure each layer is really there
        assertThat(classes.stream().map(c -> c.getPackageName())).anyMatch(p -> p.startsWith("app.facet.ui."))
                .anyMatch(p -> p.startsWith("app.facet.core.catalog")).anyMatch(p -> p.startsWith("app.facet.core.library"))
                .anyMatch(p -> p.equals("app.facet.model"));
    }

    @Test
    void uiTouchesNeitherJdbcFlywayOpenCvOnnxNorHnsw() {
        noClasses().that().resideInAPackage("app.facet.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..",
                        "org.flywaydb..", "org.bytedeco..", "org.opencv..", "ai.onnxruntime..", "com.github.jelmerk..")
                .because("the UI talks to core services only: JDBC, Flyway, OpenCV, ONNX Runtime and the nearest-neighbour "
                        + "index stay behind them")
                .check(classes);
    }

    @Test
    void onlyTheStorePackageUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("app.facet.core.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..")
                .because("the store package owns every SQL statement and the schema (issue 9); services call stores")
                .check(classes);
    }

    @Test
    void packagesInsideCoreAreFreeOfCycles() {
        slices().matching("app.facet.core.(*)..").should().beFreeOfCycles()
                .because("each core package builds on lower ones only, so it can be understood and tested on its own")
                .check(classes);
    }

    @Test
    void coreDoesNotImportJavaFx() {
        noClasses().that().resideInAPackage("app.facet.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "app.facet.ui..", "app.facet.app..")
                .because("core serves the command line and the desktop app alike")
                .check(classes);
    }

    @Test
    void modelsDependOnNothingButJava() {
        noClasses().that().resideInAPackage("app.facet.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "app.facet.model..")
                .check(classes);
    }
}
