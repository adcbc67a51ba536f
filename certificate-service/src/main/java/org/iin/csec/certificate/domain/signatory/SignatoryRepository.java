package org.iin.csec.certificate.domain.signatory;

import java.util.List;
import java.util.Optional;

/** The registered signing certificates, one per party. */
public interface SignatoryRepository {

    Optional<SignatoryCertificate> find(Party party);

    /** The party's registration, with a row lock held until the transaction ends. */
    Optional<SignatoryCertificate> findForUpdate(Party party);

    void add(SignatoryCertificate registration);

    /** Every registration, IIN first, then states in code order. */
    List<SignatoryCertificate> findAll();
}
