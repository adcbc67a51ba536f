package org.iin.csec.certificate.application;

import org.iin.csec.certificate.domain.certificate.Certificate;
import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.certificate.domain.signatory.Party;
import org.iin.csec.chassis.domain.AccessDenied;
import org.iin.csec.chassis.domain.NotFound;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;

import java.util.Arrays;
import java.util.Locale;

/** The checks every use case makes before it reads or changes anything. */
final class Access {

    private Access() {
    }

    static void requireAnyRole(Caller caller, Role... roles) {
        if (Arrays.stream(roles).noneMatch(caller::has)) {
            throw new AccessDenied("This needs one of the roles " + Arrays.toString(roles) + ".");
        }
    }

    /**
     * A certificate of another state is "not found" for a state-bound caller: its existence is not theirs to know.
     */
    static Certificate requireVisible(Caller caller, Certificate certificate) {
        if (!caller.sees(certificate.stateCode())) {
            throw notFound(certificate.id());
        }
        return certificate;
    }

    static NotFound notFound(long id) {
        return new NotFound("There is no certificate " + id + ".");
    }

    /**
     * The state whose certificates a list may show: any (null) or the one asked for for course-wide roles; for
     * state-bound roles their own state, and asking for another one is refused.
     */
    static String visibleState(Caller caller, String askedFor) {
        if (caller.seesEveryState()) {
            return askedFor;
        }
        if (caller.stateCode() == null || caller.roles().stream().noneMatch(Role::isStateBound)) {
            throw new AccessDenied("Your account has no role that reads certificates.");
        }
        if (askedFor != null && !askedFor.equals(caller.stateCode())) {
            throw new AccessDenied("You may only see the certificates of your own state.");
        }
        return caller.stateCode();
    }

    /**
     * The party the caller signs a certificate of {@code certificateState} as: the course leader signs as the IIN,
     * a state signatory as their state. {@code as} ("IIN" or "STATE") chooses when the caller holds both roles.
     */
    static Party signingParty(Caller caller, String certificateState, String as) {
        boolean iin = caller.signsForIin();
        boolean state = caller.signsForState(certificateState);
        SignerRole chosen = chosenRole(as);
        if (chosen == SignerRole.IIN || (chosen == null && iin && !state)) {
            if (!iin) {
                throw new AccessDenied("Only the IIN course leader signs as the IIN.");
            }
            return Party.iin();
        }
        if (chosen == SignerRole.STATE || (chosen == null && state && !iin)) {
            if (!state) {
                throw new AccessDenied("Only the signatory of state " + certificateState + " signs as that state.");
            }
            return Party.state(certificateState);
        }
        if (iin) {
            throw new RuleViolation("choose-party", "as",
                    "You may sign as the IIN and as your state: say which with \"as\": \"IIN\" or \"STATE\".");
        }
        throw new AccessDenied("Only the IIN course leader or the state's signatory signs certificates.");
    }

    /** The party a signing batch of the caller signs for: no certificate in view, so a signatory's own state. */
    static Party batchParty(Caller caller, String as) {
        String ownState = caller.has(Role.STATE_SIGNATORY) ? caller.stateCode() : null;
        if (ownState != null) {
            return signingParty(caller, ownState, as);
        }
        if (chosenRole(as) == SignerRole.STATE) {
            throw new AccessDenied("Only a state signatory signs as a state.");
        }
        if (!caller.signsForIin()) {
            throw new AccessDenied("Only the IIN course leader or a state signatory signs certificates.");
        }
        return Party.iin();
    }

    private static SignerRole chosenRole(String as) {
        if (as == null || as.isBlank()) {
            return null;
        }
        return switch (as.trim().toUpperCase(Locale.ROOT)) {
            case "IIN" -> SignerRole.IIN;
            case "STATE" -> SignerRole.STATE;
            default -> throw new RuleViolation("unknown-party", "as", "\"as\" is \"IIN\" or \"STATE\".");
        };
    }
}
