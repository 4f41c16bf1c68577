package nl.wijkroute.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The service runs as several instances on one PostgreSQL; scheduled work (stagnation detection,
 * retention, clean-ups) must run on one of them only. Two lock providers on the same database stand
 * for two instances.
 */
class ScheduledWorkRunsOncePerClusterTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void aSecondInstanceSkipsAJobWhileTheFirstInstanceRunsIt() throws Exception {
        LockingTaskExecutor first = new DefaultLockingTaskExecutor(new SchedulingConfiguration().lockProvider(dataSource));
        LockingTaskExecutor second = new DefaultLockingTaskExecutor(new SchedulingConfiguration().lockProvider(dataSource));
        LockConfiguration job = new LockConfiguration(Instant.now(), "test-job-" + UUID.randomUUID(), Duration.ofMinutes(5),
                Duration.ZERO);
        AtomicInteger firstRuns = new AtomicInteger();
        AtomicInteger secondRuns = new AtomicInteger();

        first.executeWithLock((Runnable) () -> {
            firstRuns.incrementAndGet();
            // The other instance's scheduler fires the same job meanwhile (its own thread, its own provider).
            CompletableFuture.runAsync(() -> second.executeWithLock((Runnable) secondRuns::incrementAndGet, job))
                    .orTimeout(60, TimeUnit.SECONDS).join();
        }, job);

        assertThat(firstRuns).hasValue(1);
        assertThat(secondRuns).as("skipped while the first instance held the lock").hasValue(0);

        CompletableFuture.runAsync(() -> second.executeWithLock((Runnable) secondRuns::incrementAndGet, job))
                .orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(secondRuns).as("the next firing runs once the lock is released").hasValue(1);
    }

    @Test
    void everyScheduledJobCarriesASchedulerLockWithANameOfItsOwn() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        List<String> names = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.wijkroute")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                if (lock != null) {
                    names.add(lock.name());
                }
                if (method.isAnnotationPresent(Scheduled.class) && lock == null) {
                    unlocked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
                }
            }
        }

        assertThat(unlocked).as("scheduled methods without @SchedulerLock").isEmpty();
        assertThat(names).contains("stagnation-detection", "retention-erasure").doesNotHaveDuplicates();
    }

    /**
     * ShedLock's method proxy throws LockingNotSupportedException for a method returning a primitive, on every
     * firing: stagnation detection and the idempotency clean-up never ran. And a lock without lockAtLeastFor lets
     * a quick job run again on an instance whose clock is a moment behind.
     */
    @Test
    void everyLockedJobCanBeLockedAndIsHeldPastAQuickRun() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        List<String> primitive = new ArrayList<>();
        List<String> notHeld = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.wijkroute")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
                if (lock == null) {
                    continue;
                }
                if (method.getReturnType().isPrimitive() && method.getReturnType() != void.class) {
                    primitive.add(lock.name());
                }
                if (lock.lockAtLeastFor().isEmpty() || Duration.parse(lock.lockAtLeastFor()).isZero()) {
                    notHeld.add(lock.name());
                }
            }
        }

        assertThat(primitive).as("locked methods returning a primitive (ShedLock refuses to run them)").isEmpty();
        assertThat(notHeld).as("locked jobs without lockAtLeastFor").isEmpty();
    }
}
