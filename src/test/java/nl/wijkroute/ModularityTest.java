package nl.wijkroute;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.persistence.Entity;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The capability modules keep their boundaries (decision 0036): no cycles, no reach into another
 * module's internals, and no new use of another module's JPA entities (the known ones are listed below).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(WijkrouteApplication.class);

    /**
     * Entities that still cross a module boundary (decision 0036): today's state, to be replaced one by one
     * by the owner's read model (a view record or a service method). A new crossing fails this test, and so
     * does a removed one until it is struck from this list: the list can only shrink.
     */
    private static final Set<String> KNOWN_ENTITY_CROSSINGS = Set.of(
            // household's entities, mostly as JPA associations of the case and the plan
            "plan -> household.Household", "plan -> household.HouseholdMember",
            "regie -> household.Household", "regie -> household.Team", "route -> household.Household",
            "route -> household.Team", "route -> household.Wijk", "signal -> household.Household",
            // the case row
            "plan -> route.SupportCase", "regie -> route.SupportCase");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void noModuleHandlesAnotherModulesEntitiesBeyondTheKnownLeaks() {
        Set<String> crossings = new TreeSet<>();
        for (ApplicationModule module : MODULES) {
            if (module.getName().equals("demo")) {
                continue; // dev-only demo data, driven through every module
            }
            for (JavaClass type : module.getBasePackage().stream().toList()) {
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.isAnnotatedWith(Entity.class)) {
                        continue;
                    }
                    Optional<ApplicationModule> owner = MODULES.getModuleByType(target);
                    if (owner.isPresent() && !owner.get().equals(module)) {
                        crossings.add(module.getName() + " -> " + owner.get().getName() + "."
                                + target.getSimpleName());
                    }
                }
            }
        }
        assertThat(crossings).containsExactlyInAnyOrderElementsOf(KNOWN_ENTITY_CROSSINGS);
    }
}
