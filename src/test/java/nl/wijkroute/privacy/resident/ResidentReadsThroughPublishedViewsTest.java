package nl.wijkroute.privacy.resident;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import java.util.stream.Collectors;
import nl.wijkroute.deadline.DeadlineReadModels;
import nl.wijkroute.household.HouseholdReadModels;
import nl.wijkroute.partner.PartnerReadModels;
import nl.wijkroute.privacy.accesslog.AccessLogReadModels;
import nl.wijkroute.regie.RegieReadModels;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.toegang.ToegangReadModels;
import org.junit.jupiter.api.Test;

/**
 * The resident view reads other modules through the views they publish (decision 0053), and that dependency
 * must be visible in the bytecode Spring Modulith and ArchUnit read: a view name declared as a compile-time
 * constant would be copied into the reader by javac, and the module graph would show no dependency at all.
 */
class ResidentReadsThroughPublishedViewsTest {

    @Test
    void theResidentServiceDependsOnEachOwnersReadModelsInItsBytecode() {
        Set<String> targets = new ClassFileImporter().importClasses(ResidentService.class).get(ResidentService.class)
                .getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                .map(type -> type.getName()).collect(Collectors.toSet());

        assertThat(targets).contains(HouseholdReadModels.class.getName(), RouteReadModels.class.getName(),
                DeadlineReadModels.class.getName(), ToegangReadModels.class.getName(), RegieReadModels.class.getName(),
                PartnerReadModels.class.getName(), AccessLogReadModels.class.getName());
    }
}
