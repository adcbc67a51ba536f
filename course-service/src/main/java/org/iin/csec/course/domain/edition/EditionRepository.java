package org.iin.csec.course.domain.edition;

import java.util.List;
import java.util.Optional;

public interface EditionRepository {

    Optional<Edition> findByCode(String code);

    List<Edition> findAll();

    void add(Edition edition);
}
