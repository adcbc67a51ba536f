package org.iin.csec.moodle.contract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract comparison itself must catch real differences, or the contract test would prove nothing. */
class ContractComparisonTest {

    private static final String EMULATOR = "http://127.0.0.1:45678";

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static List<String> diff(String expected, String actual, String... sent) {
        return ContractComparison.differences(json(expected), json(actual), EMULATOR, Set.of(sent));
    }

    @Test
    void equalBodiesAgree() {
        assertThat(diff("[{\"id\":4,\"grade\":60,\"ok\":true}]", "[{\"ok\":true,\"grade\":60.0,\"id\":4}]")).isEmpty();
    }

    @Test
    void aDifferentValueTypeOrLengthIsReported() {
        assertThat(diff("{\"id\":4}", "{\"id\":5}")).hasSize(1);
        assertThat(diff("{\"id\":4}", "{\"id\":\"4\"}")).hasSize(1);
        assertThat(diff("{\"ok\":true}", "{\"ok\":false}")).hasSize(1);
        assertThat(diff("[1,2]", "[1]")).hasSize(1);
        assertThat(diff("null", "[]")).hasSize(1);
    }

    @Test
    void missingAndExtraMembersAreReported() {
        assertThat(diff("{\"email\":\"a@b.c\",\"id\":1}", "{\"id\":1}")).singleElement().asString().contains("missing");
        assertThat(diff("{\"id\":1}", "{\"id\":1,\"email\":\"a@b.c\"}")).singleElement().asString()
                .contains("unexpected");
    }

    @Test
    void clockTimesNeedOnlyAgreeOnBeingSet() {
        assertThat(diff("{\"timecompleted\":1795390608}", "{\"timecompleted\":1800000000}")).isEmpty();
        assertThat(diff("{\"timecompleted\":1795390608}", "{\"timecompleted\":0}")).hasSize(1);
        assertThat(diff("{\"timecompleted\":null}", "{\"timecompleted\":5}")).hasSize(1);
    }

    @Test
    void aTimeTheClientSentMustComeBackExactly() {
        assertThat(diff("{\"startdate\":1735689600}", "{\"startdate\":1735689601}", "1735689600")).hasSize(1);
        assertThat(diff("{\"startdate\":1735689600}", "{\"startdate\":1735689600}", "1735689600")).isEmpty();
    }

    @Test
    void onlyTheSiteAddressAndThemeRevisionMayDifferInUrls() {
        assertThat(diff("{\"u\":\"http://127.0.0.1:8800/theme/image.php/boost/core/1795390471/u/f1\"}",
                "{\"u\":\"" + EMULATOR + "/theme/image.php/boost/core/1795390600/u/f1\"}")).isEmpty();
        assertThat(diff("{\"u\":\"http://127.0.0.1:8800/theme/image.php/boost/core/1795390471/u/f1\"}",
                "{\"u\":\"" + EMULATOR + "/theme/image.php/boost/core/1795390600/u/f2\"}")).hasSize(1);
    }

    @Test
    void messageIdsMustAgreeOnDelivery() {
        assertThat(diff("{\"msgid\":8}", "{\"msgid\":3}")).isEmpty();
        assertThat(diff("{\"msgid\":-1}", "{\"msgid\":3}")).hasSize(1);
    }
}
