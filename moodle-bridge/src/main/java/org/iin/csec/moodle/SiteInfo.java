package org.iin.csec.moodle;

import java.util.List;

/**
 * What core_webservice_get_site_info says about the site and the token's user.
 *
 * @param functions the functions the token's external service allows, by Moodle name
 */
public record SiteInfo(String siteName, String siteUrl, long userId, String username, String fullName,
        String release, String version, List<String> functions) {

    public SiteInfo {
        functions = List.copyOf(functions);
    }
}
