package org.iin.csec.moodle;

/** A user in a group (core_group_add_group_members); the user must be enrolled in the group's course. */
public record GroupMember(long groupId, long userId) {
}
