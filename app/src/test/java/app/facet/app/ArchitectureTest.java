package app.facet.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The layering of the modules, checked on the compiled classes of all of them (the app module sees every one). */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.facet");
    }

    @Test
    void everyModuleIsImported() {
        // a rule over an empty set passes vacuously: make sure each layer is really there
        assertThat(classes.stream().map(c -> c.getPackageName())).anyMatch(p -> p.startsWith("app.facet.ui."))
                .anyMatch(p -> p.startsWith("app.facet.core.")).anyMatch(p -> p.equals("app.facet.model"));
    }

    @Test
    void uiTouchesNeitherJdbcNorOpenCv() {
        noClasses().that().resideInAPackage("app.facet.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.bytedeco..", "org.opencv..")
                .because("the UI talks to core services only; pixels and rows reach it as records and files")
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
