package nl.wijkroute.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkroute.escalation.EscalationCause;
import org.junit.jupiter.api.Test;

/** Escalation causes speak to exactly one theme of the tool, or to none (decision 0039). */
class ReflectionThemeTest {

    @Test
    void everyEscalationCauseNamesAnExistingThemeOrNone() {
        for (EscalationCause cause : EscalationCause.values()) {
            if (cause.reflectieThema() != null) {
                assertThat(ReflectionTheme.byLabel(cause.reflectieThema())).as(cause.name()).isPresent();
            }
        }
        assertThat(ReflectionEvidence.themeOf(EscalationCause.SAFETY)).as("the Meldcode is not a theme of the tool").isEmpty();
    }

    @Test
    void heiligeHuisjesHasNoCauseAndNoOtherThemeHasTwo() {
        Set<ReflectionTheme> mapped = EnumSet.noneOf(ReflectionTheme.class);
        for (EscalationCause cause : EscalationCause.values()) {
            ReflectionEvidence.themeOf(cause).ifPresent(theme ->
                    assertThat(mapped.add(theme)).as(theme + " named by a second cause " + cause).isTrue());
        }
        assertThat(mapped).doesNotContain(ReflectionTheme.HEILIGE_HUISJES);
        assertThat(Arrays.stream(ReflectionTheme.values()).map(ReflectionTheme::schaalvraag).collect(Collectors.toSet()))
                .hasSize(9).allSatisfy(question -> assertThat(question).startsWith("Geef met een cijfer aan"));
    }

    @Test
    void aBsnInFreeTextIsFoundAlsoWithSeparatorsButOtherNumbersAreNot() {
        assertThat(PersonalDataGuard.containsBsn("Casus van 999990019, die vastliep")).isTrue();
        assertThat(PersonalDataGuard.containsBsn("BSN 9999.90.019")).isTrue();
        assertThat(PersonalDataGuard.containsBsn("bsn 999 990 019.")).isTrue();
        assertThat(PersonalDataGuard.containsBsn("Bel 0612345678 of kijk in 2024")).isFalse();
        assertThat(PersonalDataGuard.containsBsn("Negen cijfers zonder elfproef: 123456789")).isFalse();
    }
}
