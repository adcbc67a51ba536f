package org.iin.csec.certificate.domain.signatory;

import org.iin.csec.certificate.domain.certificate.SignerRole;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.domain.StateCode;

import java.util.Locale;
import java.util.Objects;

/**
 * A party that co-signs certificates: the IIN (its course leader), or one member state (its signatory). The key is
 * how the API and the database name it: {@code IIN}, or the state's ISO alpha-2 code.
 */
public record Party(SignerRole role, String stateCode) {

    public static final String IIN_KEY = "IIN";

    public Party {
        Objects.requireNonNull(role, "role");
        if (role == SignerRole.IIN && stateCode != null) {
            throw new IllegalArgumentException("The IIN is not bound to a state");
        }
        if (role == SignerRole.STATE && stateCode == null) {
            throw new IllegalArgumentException("A state party needs its state code");
        }
    }

    public static Party iin() {
        return new Party(SignerRole.IIN, null);
    }

    public static Party state(String stateCode) {
        return new Party(SignerRole.STATE, StateCode.of(stateCode));
    }

    /** Reads {@code iin} (any case) or a state code. */
    public static Party fromKey(String key) {
        if (key != null && key.trim().equalsIgnoreCase(IIN_KEY)) {
            return iin();
        }
        if (!StateCode.isValid(key)) {
            throw new RuleViolation("unknown-party", "party", "'" + key
                    + "' is neither 'iin' nor an ISO 3166-1 alpha-2 state code.");
        }
        return state(key);
    }

    public String key() {
        return role == SignerRole.IIN ? IIN_KEY : stateCode.toUpperCase(Locale.ROOT);
    }

    /** Whether this party signs the given certificate's field {@link #role()}. */
    public boolean signsFor(String certificateStateCode) {
        return role == SignerRole.IIN || stateCode.equals(certificateStateCode);
    }

    @Override
    public String toString() {
        return role == SignerRole.IIN ? "the IIN" : "state " + stateCode;
    }
}
