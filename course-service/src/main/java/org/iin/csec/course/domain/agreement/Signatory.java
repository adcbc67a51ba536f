package org.iin.csec.course.domain.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The state official who co-signs the state's certificates, as printed on them. */
@Embeddable
public class Signatory {

    @Column(name = "signatory_name")
    private String name;

    @Column(name = "signatory_title")
    private String title;

    @Column(name = "signatory_institution")
    private String institution;

    protected Signatory() {
    }

    public Signatory(String name, String title, String institution) {
        this.name = name;
        this.title = title;
        this.institution = institution;
    }

    public String name() { return name; }
    public String title() { return title; }
    public String institution() { return institution; }
}
