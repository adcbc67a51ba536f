package org.iin.csec.course.application.outbox;

/** Where online-stage completion comes from (Moodle); read on demand as well as on a schedule. */
public interface CompletionSource {

    /** Reads completion for one edition's enrolled participants; returns how many changed. */
    int refresh(String editionCode);
}
