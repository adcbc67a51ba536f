package org.iin.csec.course.domain.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.iin.csec.chassis.domain.RuleViolation;

import java.time.LocalDate;

/** What the state plans for its face-to-face stage: when, where, how long and how it is evaluated. */
@Embeddable
public class FaceToFacePlan {

    @Column(name = "f2f_start")
    private LocalDate startDate;

    @Column(name = "f2f_end")
    private LocalDate endDate;

    @Column(name = "f2f_city")
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "f2f_modality")
    private Modality modality;

    @Column(name = "f2f_hours")
    private Integer hours;

    @Column(name = "f2f_evaluation")
    private String evaluationMethod;

    protected FaceToFacePlan() {
    }

    public FaceToFacePlan(LocalDate startDate, LocalDate endDate, String city, Modality modality, Integer hours,
                          String evaluationMethod) {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new RuleViolation("invalid-face-to-face-dates", "faceToFacePlan.endDate",
                    "The face-to-face stage cannot end before it starts.");
        }
        if (hours != null && (hours <= 0 || hours > 1000)) {
            throw new RuleViolation("invalid-face-to-face-hours", "faceToFacePlan.hours",
                    "Face-to-face hours must be between 1 and 1000.");
        }
        this.startDate = startDate;
        this.endDate = endDate;
        this.city = city;
        this.modality = modality;
        this.hours = hours;
        this.evaluationMethod = evaluationMethod;
    }

    public LocalDate startDate() { return startDate; }
    public LocalDate endDate() { return endDate; }
    public String city() { return city; }
    public Modality modality() { return modality; }
    public Integer hours() { return hours; }
    public String evaluationMethod() { return evaluationMethod; }
}
