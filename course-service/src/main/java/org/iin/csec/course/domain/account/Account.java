package org.iin.csec.course.domain.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.chassis.domain.RuleViolation;
import org.iin.csec.chassis.domain.StateCode;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who logs in. May hold several roles; state-bound roles are bound to one state, and such a
 * person sees and changes only that state's data.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "state_code")
    private String stateCode;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String username, String displayName, String email, Set<Role> roles, String stateCode,
                   String passwordHash, Instant now) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,79}")) {
            throw new RuleViolation("invalid-username", "username",
                    "A user name is 3 to 80 lower-case letters, digits, '.', '_' or '-'.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new RuleViolation("missing-name", "displayName", "A display name is required.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolation("missing-role", "roles", "An account needs at least one role.");
        }
        boolean stateBound = roles.stream().anyMatch(Role::isStateBound);
        if (stateBound && stateCode == null) {
            throw new RuleViolation("missing-state", "state", "A state-bound role needs the state it is bound to.");
        }
        this.username = username;
        this.displayName = displayName.trim();
        this.email = email;
        this.roles = EnumSet.copyOf(roles);
        this.stateCode = stateCode == null ? null : StateCode.of(stateCode);
        this.passwordHash = passwordHash;
        this.language = "es";
        this.active = true;
        this.createdAt = now;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Course-wide roles see every state; a person with only state-bound roles sees their own state. */
    public boolean maySeeState(String state) {
        return hasCourseWideRole() || (stateCode != null && stateCode.equals(state));
    }

    public boolean hasCourseWideRole() {
        return roles.stream().anyMatch(r -> !r.isStateBound());
    }

    /** A state-bound role acts on its own state only; course-wide roles act anywhere. */
    public boolean mayActForState(Role role, String state) {
        if (!roles.contains(role)) {
            return false;
        }
        return !role.isStateBound() || (stateCode != null && stateCode.equals(state));
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void deactivate() {
        this.active = false;
    }

    public void preferLanguage(String language) {
        this.language = language;
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public Set<Role> roles() { return Set.copyOf(roles); }
    public String stateCode() { return stateCode; }
    public String language() { return language; }
    public boolean isActive() { return active; }
}
