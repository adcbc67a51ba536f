package org.iin.csec.certificate.domain.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/**
 * What a certificate prints, frozen when it is issued: a later change in course-service (a new title, another
 * signatory) never alters a certificate already issued. Only a reissue prints new content.
 */
@Embeddable
public class PrintedContent {

    @Column(name = "holder_first_name", nullable = false)
    private String holderFirstName;

    @Column(name = "holder_last_name", nullable = false)
    private String holderLastName;

    @Column(name = "edition_title", nullable = false)
    private String editionTitle;

    @Column(name = "course_hours", nullable = false)
    private int courseHours;

    @Column(name = "online_start", nullable = false)
    private LocalDate onlineStageStart;

    @Column(name = "online_end", nullable = false)
    private LocalDate onlineStageEnd;

    @Column(name = "f2f_start")
    private LocalDate faceToFaceStart;

    @Column(name = "f2f_end")
    private LocalDate faceToFaceEnd;

    @Column(name = "state_name", nullable = false)
    private String stateName;

    @Column(name = "iin_signatory_name", nullable = false)
    private String iinSignatoryName;

    @Column(name = "iin_signatory_title", nullable = false)
    private String iinSignatoryTitle;

    @Column(name = "iin_signatory_institution", nullable = false)
    private String iinSignatoryInstitution;

    @Column(name = "state_signatory_name", nullable = false)
    private String stateSignatoryName;

    @Column(name = "state_signatory_title", nullable = false)
    private String stateSignatoryTitle;

    @Column(name = "state_signatory_institution", nullable = false)
    private String stateSignatoryInstitution;

    /** The language the certificate is printed in (ISO 639-1). */
    @Column(name = "printed_language", nullable = false)
    private String language;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    protected PrintedContent() {
    }

    public PrintedContent(String holderFirstName, String holderLastName, String editionTitle, int courseHours,
                          LocalDate onlineStageStart, LocalDate onlineStageEnd, LocalDate faceToFaceStart,
                          LocalDate faceToFaceEnd, String stateName, Signatory iinSignatory,
                          Signatory stateSignatory, String language, LocalDate issueDate) {
        this.holderFirstName = holderFirstName;
        this.holderLastName = holderLastName;
        this.editionTitle = editionTitle;
        this.courseHours = courseHours;
        this.onlineStageStart = onlineStageStart;
        this.onlineStageEnd = onlineStageEnd;
        this.faceToFaceStart = faceToFaceStart;
        this.faceToFaceEnd = faceToFaceEnd;
        this.stateName = stateName;
        this.iinSignatoryName = iinSignatory.name();
        this.iinSignatoryTitle = iinSignatory.title();
        this.iinSignatoryInstitution = iinSignatory.institution();
        this.stateSignatoryName = stateSignatory.name();
        this.stateSignatoryTitle = stateSignatory.title();
        this.stateSignatoryInstitution = stateSignatory.institution();
        this.language = language;
        this.issueDate = issueDate;
    }

    /** A signatory as printed under their signature field. */
    public record Signatory(String name, String title, String institution) {
    }

    /** The same content for a corrected holder name, issued on another day (a reissue). */
    public PrintedContent correctedFor(String firstName, String lastName, LocalDate newIssueDate) {
        return new PrintedContent(firstName, lastName, editionTitle, courseHours, onlineStageStart, onlineStageEnd,
                faceToFaceStart, faceToFaceEnd, stateName, iinSignatory(), stateSignatory(), language, newIssueDate);
    }

    public String holderName() {
        return holderFirstName + " " + holderLastName;
    }

    public Signatory iinSignatory() {
        return new Signatory(iinSignatoryName, iinSignatoryTitle, iinSignatoryInstitution);
    }

    public Signatory stateSignatory() {
        return new Signatory(stateSignatoryName, stateSignatoryTitle, stateSignatoryInstitution);
    }

    public String holderFirstName() { return holderFirstName; }
    public String holderLastName() { return holderLastName; }
    public String editionTitle() { return editionTitle; }
    public int courseHours() { return courseHours; }
    public LocalDate onlineStageStart() { return onlineStageStart; }
    public LocalDate onlineStageEnd() { return onlineStageEnd; }
    public LocalDate faceToFaceStart() { return faceToFaceStart; }
    public LocalDate faceToFaceEnd() { return faceToFaceEnd; }
    public String stateName() { return stateName; }
    public String language() { return language; }
    public LocalDate issueDate() { return issueDate; }
}
