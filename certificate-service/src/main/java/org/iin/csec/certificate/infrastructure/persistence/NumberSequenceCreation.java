package org.iin.csec.certificate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.iin.csec.certificate.domain.certificate.NumberSequence;

/**
 * Creates an edition and state's number sequence in a transaction of its own, so that two first certificates of a
 * state issued at the same moment race only on this insert (one wins, the other's duplicate is ignored), never on
 * locks held by the issuance transactions.
 */
@ApplicationScoped
public class NumberSequenceCreation {

    @PersistenceContext(unitName = "certificate")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String editionCode, String stateCode) {
        em.persist(new NumberSequence(editionCode, stateCode));
        em.flush();
    }
}
