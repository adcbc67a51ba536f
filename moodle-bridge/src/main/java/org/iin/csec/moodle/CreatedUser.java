package org.iin.csec.moodle;

/** An account Moodle created: its id and username. */
public record CreatedUser(long id, String username) {
}
