package org.iin.csec.course.infrastructure.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.application.AccountService;
import org.iin.csec.course.application.AgreementService;
import org.iin.csec.course.application.EditionService;
import org.iin.csec.course.application.NominationService;
import org.iin.csec.course.application.ParticipantService;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.FaceToFacePlan;
import org.iin.csec.course.domain.agreement.LocalCoordinator;
import org.iin.csec.course.domain.agreement.Modality;
import org.iin.csec.course.domain.agreement.Signatory;
import org.iin.csec.course.domain.edition.EditionStatus;
import org.iin.csec.course.domain.participant.Nominee;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A demo edition so a new user can look around at once: three states, an account for each role, and some
 * nominations (Uruguay's quota is full, so it has a waitlist). Created through the same use cases as real
 * data, so it obeys the same rules and appears in the audit log. Only once: skipped if it exists.
 */
@ApplicationScoped
public class DemoEdition {

    public static final String CODE = "2027-1";

    private static final Logger LOG = Logger.getLogger(DemoEdition.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    EditionService editions;

    @Inject
    AgreementService agreements;

    @Inject
    NominationService nominations;

    @Inject
    ParticipantService participants;

    /** The demo edition's Moodle course: the emulated Moodle's (deploy/run-demo.sh), else 2, to be linked for real. */
    @Inject
    @ConfigProperty(name = "csec.demo.moodle.course-id", defaultValue = "2")
    long moodleCourse;

    /** Its face-to-face activity, marked complete when a state records a pass; none unless configured. */
    @Inject
    @ConfigProperty(name = "csec.demo.moodle.face-to-face-activity-id")
    Optional<Long> faceToFaceActivity;

    @Inject
    @ConfigProperty(name = "csec.demo.password", defaultValue = "demo-password-2027")
    String password;

    void seed() {
        if (accounts.findActive("leader").isPresent()) {
            return;
        }
        Account leader = account("leader", "Laura Leader (IIN)", Set.of(Role.COURSE_LEADER), null);
        Account ar = account("coord.ar", "Carlos Coordinador (AR)", Set.of(Role.STATE_COORDINATOR), "AR");
        Account uy = account("coord.uy", "Lucía Coordinadora (UY)", Set.of(Role.STATE_COORDINATOR), "UY");
        Account mx = account("coord.mx", "Mateo Coordinador (MX)", Set.of(Role.STATE_COORDINATOR), "MX");
        account("sign.ar", "Sofía Firmante (AR)", Set.of(Role.STATE_SIGNATORY), "AR");
        account("sign.uy", "Santiago Firmante (UY)", Set.of(Role.STATE_SIGNATORY), "UY");

        editions.create(leader, new EditionService.EditionDraft(CODE,
                "Curso semipresencial sobre explotación sexual comercial de niñas, niños y adolescentes", "es",
                moodleCourse, faceToFaceActivity.orElse(null), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31),
                120, null));
        agreement(leader, "AR", 5, "Buenos Aires", "Carlos Coordinador", "María Fernández", "Directora Nacional de Niñez",
                "Secretaría Nacional de Niñez, Adolescencia y Familia");
        agreement(leader, "UY", 3, "Montevideo", "Lucía Coordinadora", "Jorge Martínez", "Presidente",
                "Instituto del Niño y Adolescente del Uruguay");
        agreement(leader, "MX", 4, "Ciudad de México", "Mateo Coordinador", "Ana López", "Titular",
                "Sistema Nacional DIF");
        editions.change(leader, CODE, new EditionService.EditionChanges(null, null, null, null, null, null,
                null, null, EditionStatus.NOMINATIONS_OPEN));

        nominate(ar, "AR", "Ana", "García", "ana.garcia@example.org", "20123456");
        nominate(ar, "AR", "Carla", "Pérez", "carla.perez@example.org", "27987654");
        nominate(ar, "AR", "Martín", "Núñez", "martin.nunez@example.org", "30111222");
        nominate(uy, "UY", "Bruno", "Silva", "bruno.silva@example.org", "4.123.456-7");
        nominate(uy, "UY", "Diego", "Rodríguez", "diego.rodriguez@example.org", "3.987.654-1");
        nominate(uy, "UY", "Valentina", "Sosa", "valentina.sosa@example.org", "5.222.333-4");
        nominate(uy, "UY", "Joaquín", "Ferreira", "joaquin.ferreira@example.org", "4.555.666-2");
        nominate(mx, "MX", "Sofía", "Hernández", "sofia.hernandez@example.org", "HEGS900101");
        var first = participants.search(leader, CODE, "AR", null).get(0);
        participants.accept(leader, CODE, first.id());
        LOG.info("Seeded the demo edition " + CODE + " with its accounts (password: see csec.demo.password).");
    }

    private Account account(String username, String name, Set<Role> roles, String state) {
        return accounts.register("system", new AccountService.NewAccount(username, name, username + "@example.org",
                EnumSet.copyOf(roles), state, password.toCharArray()));
    }

    private void agreement(Account leader, String state, int quota, String city, String coordinator,
                           String signatory, String title, String institution) {
        agreements.put(leader, CODE, state, () -> new AgreementService.AgreementTerms(quota,
                new FaceToFacePlan(LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18), city, Modality.IN_PERSON, 30,
                        "Case study presented to a panel, graded pass/fail"),
                new LocalCoordinator(coordinator, "coordinacion." + state.toLowerCase() + "@example.org"),
                new Signatory(signatory, title, institution)));
    }

    private void nominate(Account coordinator, String state, String first, String last, String email, String document) {
        nominations.nominate(coordinator, CODE, state, new Nominee(first, last, email, document, "Official",
                "Ministry", null));
    }
}
