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
 * module's internals, and no use of another module's JPA entities (decision 0051).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(WijkrouteApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    /**
     * No module handles another module's JPA entities: the last crossings (JPA associations of the case and
     * the plan to household's entities, the case row read by plan and regie) became id columns and reads of the
     * owner's read model (decision 0051). A new crossing is fixed in the code, not listed here.
     */
    @Test
    void noModuleHandlesAnotherModulesEntities() {
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
        assertThat(crossings).as("entities used across module boundaries").isEmpty();
    }
}
