package nl.wijkroute;

import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.JavaPackage;

/**
 * Which packages are Spring Modulith application modules: every direct sub-package of {@code nl.wijkroute},
 * except {@code privacy}, which only groups the privacy capabilities (access, accesslog, breakglass, resident,
 * retention) — each of those is a module of its own. As one module, privacy would put the resident view (which
 * reads the plan) and the access gate (which every capability, the plan included, calls) on the same node and
 * the module graph would have a cycle that is not in the code. Configured as
 * {@code spring.modulith.detection-strategy} in application.yml; ModularityTest verifies the result.
 */
public class CapabilityModules implements ApplicationModuleDetectionStrategy {

    static final String GROUPING_PACKAGE = "privacy";

    @Override
    public Stream<JavaPackage> getModuleBasePackages(JavaPackage basePackage) {
        return basePackage.getDirectSubPackages().stream()
                .flatMap(p -> p.getLocalName().equals(GROUPING_PACKAGE) ? p.getDirectSubPackages().stream() : Stream.of(p));
    }
}
