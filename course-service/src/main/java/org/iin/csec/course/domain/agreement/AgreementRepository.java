package org.iin.csec.course.domain.agreement;

import org.iin.csec.course.domain.edition.Edition;

import java.util.List;
import java.util.Optional;

public interface AgreementRepository {

    Optional<Agreement> find(Edition edition, String stateCode);

    /**
     * The agreement, locked against every other change to its seats until the transaction ends. All
     * seat-changing operations take this lock first, so a quota can never be exceeded, on any instance.
     */
    Optional<Agreement> findForSeatChange(Edition edition, String stateCode);

    List<Agreement> findAll(Edition edition);

    void add(Agreement agreement);
}
