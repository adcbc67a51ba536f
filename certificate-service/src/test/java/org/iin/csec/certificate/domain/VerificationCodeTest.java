package org.iin.csec.certificate.domain;

import org.iin.csec.certificate.domain.certificate.VerificationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationCodeTest {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void isPrintedAsFourGroupsOfFourCrockfordSymbols() {
        assertThat(VerificationCode.random().toString())
                .matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    }

    @Test
    void everyPositionTakesAllThirtyTwoSymbolsSoTheCodeCarriesEightyRandomBits() {
        List<String> codes = Stream.generate(() -> VerificationCode.random().toString().replace("-", ""))
                .limit(5_000).toList();

        assertThat(new HashSet<>(codes)).hasSize(codes.size());
        IntStream.range(0, 16).forEach(position -> {
            Set<Character> seen = new HashSet<>();
            codes.forEach(code -> seen.add(code.charAt(position)));
            assertThat(seen).as("symbols at position %d", position).hasSize(CROCKFORD.length());
        });
    }

    @Test
    void parsesWhatItPrints() {
        VerificationCode code = VerificationCode.random();

        assertThat(VerificationCode.parse(code.toString())).isEqualTo(code);
    }

    @Test
    void readsACodeAsAPersonTypesIt() {
        VerificationCode code = VerificationCode.parse("7K3M-Q9TX-2FHD-8WNA");

        assertThat(VerificationCode.parse("7k3mq9tx2fhd8wna")).isEqualTo(code);
        assertThat(VerificationCode.parse(" 7K3M Q9TX 2FHD 8WNA ")).isEqualTo(code);
        assertThat(VerificationCode.parse("0011-AAAA-BBBB-CCCC"))
                .isEqualTo(VerificationCode.parse("OoIl-AAAA-BBBB-CCCC"));
        assertThat(code.toString()).isEqualTo("7K3M-Q9TX-2FHD-8WNA");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "7K3M-Q9TX-2FHD-8WN", "7K3M-Q9TX-2FHD-8WNAB", "7K3M-Q9TX-2FHD-8WNU",
            "7K3M-Q9TX-2FHD-8WN*", "7K3M_Q9TX_2FHD_8WNA", "<script>alert(1)</script>"})
    void rejectsMalformedInput(String input) {
        assertThatThrownBy(() -> VerificationCode.parse(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOverlongInputWithoutReadingIt() {
        assertThatThrownBy(() -> VerificationCode.parse("-".repeat(10_000) + "7K3MQ9TX2FHD8WNA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }
}
