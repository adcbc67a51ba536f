package org.iin.csec.course.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR Maven built: the tests deploy the real artifact, not a re-assembly. (deploy/target/runtime ships the same
 * WAR with its libraries beside it, in Payara's lib folder; the page tests run that layout.)
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive courseService() {
        File war = new File(System.getProperty("project.build.directory", "target"), "course-service.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
