package org.iin.csec.course.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.agreement.AgreementRepository;
import org.iin.csec.course.domain.edition.Edition;
import org.iin.csec.course.domain.participant.ParticipantRepository;

import java.util.List;

/** The edition's funnel per state: all states and the total for course-wide roles, one's own state otherwise. */
@ApplicationScoped
public class ReportService {

    @Inject
    EditionService editions;

    @Inject
    AgreementRepository agreements;

    @Inject
    ParticipantRepository participants;

    @Transactional
    public EditionReport report(Account actor, String editionCode) {
        Edition edition = editions.find(editionCode);
        List<EditionReport.Line> lines = agreements.findAll(edition).stream()
                .filter(a -> actor.maySeeState(a.stateCode()))
                .map(a -> EditionReport.Line.of(a.stateCode(), a.quota(), participants.findAll(a)))
                .toList();
        return new EditionReport(editionCode, lines, actor.hasCourseWideRole() ? EditionReport.Line.total(lines) : null);
    }

}
