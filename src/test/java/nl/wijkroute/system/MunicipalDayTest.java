package nl.wijkroute.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * "Today" is the municipality's day ({@link MunicipalTime#ZONE}), never the JVM's default zone (UTC on the
 * servers and in CI). Between 23:00 and 24:00 UTC (22:00 in summer) the two differ: a test that built "tomorrow"
 * with {@code LocalDate.now()} sent the service its today and expected a 400, and failed verify in that hour.
 * Main and test code are both checked: a test's idea of today must be the service's.
 */
class MunicipalDayTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("nl.wijkroute");

    @Test
    void nobodyAsksForTodayInTheServersZone() {
        assertThat(CLASSES.contain(MunicipalDayTest.class)).as("test classes are checked too").isTrue();
        assertThat(CLASSES.contain(MunicipalTime.class)).as("main classes are checked").isTrue();

        noClasses().should().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .because("today is the municipality's day: LocalDate.now(MunicipalTime.ZONE) or a Clock in that zone")
                .check(CLASSES);
    }
}
