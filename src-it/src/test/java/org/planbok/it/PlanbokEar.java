package org.planbok.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build made, as Arquillian deploys it to Payara Server. */
final class PlanbokEar {
  private PlanbokEar() {}

  static EnterpriseArchive fromBuild() {
    File ear = new File(System.getProperty("planbok.it.dist"), "planbok.ear");
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }
}
