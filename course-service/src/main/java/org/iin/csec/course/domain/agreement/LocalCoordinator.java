package org.iin.csec.course.domain.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The state's local coordinator of the course, as agreed with the IIN. */
@Embeddable
public class LocalCoordinator {

    @Column(name = "coordinator_name")
    private String name;

    @Column(name = "coordinator_email")
    private String email;

    protected LocalCoordinator() {
    }

    public LocalCoordinator(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public String name() { return name; }
    public String email() { return email; }
}
