package org.iin.csec.certificate.domain.batch;

import java.util.List;
import java.util.Optional;

/** Signing batches and their progress. */
public interface SigningBatchRepository {

    void add(SigningBatch batch);

    Optional<SigningBatch> find(long id);

    /** The batch, with a row lock held until the transaction ends. */
    Optional<SigningBatch> findForUpdate(long id);

    /** The party's RUNNING batches (running or interrupted), oldest first. */
    List<SigningBatch> findRunning(String partyKey);
}
