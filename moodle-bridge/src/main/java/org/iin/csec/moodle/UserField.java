package org.iin.csec.moodle;

/** The fields core_user_get_users_by_field can look users up by. */
public enum UserField {
    ID("id"),
    IDNUMBER("idnumber"),
    USERNAME("username"),
    /** Matched case-insensitively by MariaDB/MySQL; silently finds nobody without moodle/site:viewuseridentity. */
    EMAIL("email");

    final String wsName;

    UserField(String wsName) {
        this.wsName = wsName;
    }
}
