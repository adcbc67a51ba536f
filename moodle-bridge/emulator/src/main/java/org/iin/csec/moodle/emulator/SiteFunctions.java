package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** core_webservice_get_site_info. */
final class SiteFunctions {

    private static final String[][] ADVANCED_FEATURES = {
        {"usecomments", "1"}, {"usetags", "1"}, {"enablenotes", "1"}, {"messaging", "1"}, {"enableblogs", "1"},
        {"enablecompletion", "1"}, {"enablebadges", "1"}, {"messagingallusers", "0"}, {"enablecustomreports", "1"},
        {"enableglobalsearch", "0"}, {"mnet_dispatcher_mode", "0"}, {"enablecompetencies", "1"}};

    private SiteFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_webservice_get_site_info", SiteFunctions::siteInfo);
    }

    private static jakarta.json.JsonValue siteInfo(Functions.Call call) {
        Site site = call.site();
        Site.User me = site.user(call.caller());
        List<Object> functions = new ArrayList<>();
        site.serviceFunctions.forEach(f -> functions.add(obj().put("name", f).put("version", Functions.version(f))));
        List<Object> features = new ArrayList<>();
        for (String[] feature : ADVANCED_FEATURES) {
            features.add(obj().put("name", feature[0]).put("value", Integer.parseInt(feature[1])));
        }
        return obj()
                .put("sitename", site.siteName)
                .put("username", me.username)
                .put("firstname", me.firstname)
                .put("lastname", me.lastname)
                .put("fullname", me.fullname())
                .put("lang", me.lang)
                .put("userid", me.id)
                .put("siteurl", site.baseUrl)
                .put("userpictureurl", site.profileImage(false))
                .put("functions", functions)
                .put("downloadfiles", 0)
                .put("uploadfiles", 0)
                .put("release", "4.5.6 (Build: 20250811)")
                .put("version", "2024100706")
                .put("mobilecssurl", "")
                .put("advancedfeatures", features)
                .put("usercanmanageownfiles", true)
                .put("userquota", 104857600)
                .put("usermaxuploadfilesize", 2097152)
                .put("userhomepage", 1)
                .put("userprivateaccesskey", site.privateAccessKey)
                .put("siteid", 1)
                .put("sitecalendartype", "gregorian")
                .put("usercalendartype", "gregorian")
                .put("userissiteadmin", false)
                .put("theme", "boost")
                .put("limitconcurrentlogins", 0)
                .put("policyagreed", 0)
                .build();
    }
}
