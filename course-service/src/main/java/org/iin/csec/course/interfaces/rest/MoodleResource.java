package org.iin.csec.course.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.application.ParticipantService;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.infrastructure.moodle.MoodleConnection;
import org.iin.csec.course.infrastructure.security.SignedInAccount;
import org.iin.csec.moodle.ConnectionReport;
import org.iin.csec.moodle.MoodleConnectionCheck;

import java.util.List;

/** The Moodle connection as an administrator checks it. */
@Path("/moodle")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MoodleResource {

    /** What an administrator reads: reachable or not, site, missing functions, e-mail lookups, what to fix. */
    public record ConnectionView(boolean configured, boolean ok, String site, String release,
                                 List<String> missingFunctions, String emailLookup, List<String> problems) {
    }

    @Inject
    MoodleConnection moodle;

    @Inject
    ParticipantService participants;

    @Inject
    SignedInAccount me;

    @GET
    @Path("connection")
    public ConnectionView connection() {
        requireAny(me.get(), Role.ADMIN, Role.COURSE_LEADER);
        if (moodle.client().isEmpty()) {
            return new ConnectionView(false, false, null, null, List.of(), null,
                    List.of("Moodle is not configured: set CSEC_MOODLE_URL and CSEC_MOODLE_TOKEN, then restart."));
        }
        // A few learners already in Moodle let the check tell hidden e-mails from a fresh site.
        ConnectionReport report = new MoodleConnectionCheck(moodle.client().get()).run(participants.someMoodleUserIds(5));
        return new ConnectionView(true, report.ok(), report.site() == null ? null : report.site().siteName(),
                report.site() == null ? null : report.site().release(), report.missingFunctions(),
                report.emailLookup().name(), report.problems());
    }

    private static void requireAny(Account actor, Role... roles) {
        for (Role role : roles) {
            if (actor.hasRole(role)) {
                return;
            }
        }
        throw new AccessDenied("This needs the administrator or course leader role.");
    }
}
