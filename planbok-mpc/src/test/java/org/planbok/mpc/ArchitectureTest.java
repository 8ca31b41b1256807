package org.planbok.mpc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE rule 4: the protocol maths stays free of transport, persistence and container APIs. */
class ArchitectureTest {
  private final JavaClasses mpc =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.planbok.mpc");

  @Test
  void protocolCodeImportsNoContainerOrTransport() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "javax.persistence..", "io.grpc..", "com.google.protobuf..")
        .check(mpc);
  }

  @Test
  void protocolCodeDoesNoIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..")
        .check(mpc);
  }
}
