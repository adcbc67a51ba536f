package org.iin.csec.moodle.emulator;

import static org.iin.csec.moodle.emulator.Out.obj;

import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** core_cohort_create_cohorts, core_cohort_add_cohort_members, core_cohort_get_cohort_members. */
final class CohortFunctions {

    private CohortFunctions() {
    }

    static void register(Map<String, Functions.Handler> handlers) {
        handlers.put("core_cohort_create_cohorts", CohortFunctions::createCohorts);
        handlers.put("core_cohort_add_cohort_members", CohortFunctions::addMembers);
        handlers.put("core_cohort_get_cohort_members", CohortFunctions::members);
    }

    private static JsonValue createCohorts(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("cohorts");
        List<Site.Cohort> created = new ArrayList<>();
        List<Object> result = new ArrayList<>();
        try {
            for (FormParams item : call.params().list("cohorts")) {
                String name = Args.required(item, "name", ctx);
                String idnumber = Args.required(item, "idnumber", ctx);
                if (site.cohorts.values().stream().anyMatch(c -> c.idnumber.equals(idnumber))) {
                    throw WsError.invalidParameter("record already exists: idnumber");
                }
                Site.Cohort cohort = new Site.Cohort(site.nextCohortId());
                cohort.name = name;
                cohort.idnumber = idnumber;
                cohort.description = Args.optional(item, "description", "");
                cohort.descriptionformat = (int) Args.optionalInt(item, "descriptionformat", 1, ctx);
                cohort.visible = Args.optionalBool(item, "visible", true, ctx);
                site.cohorts.put(cohort.id, cohort);
                created.add(cohort);
                result.add(obj().put("id", cohort.id).put("name", name).put("idnumber", idnumber)
                        .put("description", cohort.description).put("descriptionformat", cohort.descriptionformat)
                        .put("visible", cohort.visible).put("theme", ""));
            }
        } catch (WsError e) {
            created.forEach(c -> site.cohorts.remove(c.id));
            throw e;
        }
        return Out.array(result);
    }

    /**
     * Per-item problems are warnings (with string codes) and the valid items are still added: 1 unsupported type
     * (users cannot be addressed by idnumber), 2 no such user or cohort, 3 already a member.
     */
    private static JsonValue addMembers(Functions.Call call) throws WsError {
        Site site = call.site();
        String ctx = Args.inside("members");
        List<Object> warnings = new ArrayList<>();
        for (FormParams item : call.params().list("members")) {
            FormParams cohortType = item.child("cohorttype");
            FormParams userType = item.child("usertype");
            if (cohortType == null || userType == null) {
                throw WsError.invalidParameter(ctx + "Missing required key in single structure: "
                        + (cohortType == null ? "cohorttype" : "usertype"));
            }
            String cType = Args.required(cohortType, "type", ctx);
            String cValue = Args.required(cohortType, "value", ctx);
            String uType = Args.required(userType, "type", ctx);
            String uValue = Args.required(userType, "value", ctx);
            if (!List.of("id", "username").contains(uType)) {
                warnings.add(warning("1", "invalid parameter: usertype=" + uType));
                continue;
            }
            if (!List.of("id", "idnumber").contains(cType)) {
                warnings.add(warning("1", "invalid parameter: cohorttype=" + cType));
                continue;
            }
            Site.Cohort cohort = site.cohorts.values().stream()
                    .filter(c -> cType.equals("id") ? String.valueOf(c.id).equals(cValue) : c.idnumber.equals(cValue))
                    .findFirst().orElse(null);
            if (cohort == null) {
                warnings.add(warning("2", "cohort " + cType + "=" + cValue + " not exists"));
                continue;
            }
            Site.User user = uType.equals("id") ? site.users.values().stream()
                    .filter(u -> String.valueOf(u.id).equals(uValue)).findFirst().orElse(null)
                    : site.userByUsername(uValue);
            if (user == null) {
                warnings.add(warning("2", "user " + uType + "=" + uValue + " not exists"));
                continue;
            }
            if (!cohort.members.add(user.id)) {
                warnings.add(warning("3", "record already exists: cohort(" + cType + "=" + cValue + " " + uType + "="
                        + uValue + ")"));
            }
        }
        return obj().put("warnings", warnings).build();
    }

    private static Out.Obj warning(String code, String message) {
        return obj().put("warningcode", code).put("message", message);
    }

    private static JsonValue members(Functions.Call call) throws WsError {
        Site site = call.site();
        List<Object> result = new ArrayList<>();
        for (String id : call.params().strings("cohortids")) {
            Site.Cohort cohort = site.cohorts.get(Args.toInt("cohortids", id, ""));
            if (cohort == null) {
                throw WsError.missingRecord("cohort");
            }
            result.add(obj().put("cohortid", cohort.id).put("userids", new ArrayList<Object>(cohort.members)));
        }
        return Out.array(result);
    }
}
