package nl.wijkroute.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The route benchmark's warm-up ends when the compiler threads' CPU stays small (decision 0058). Were the
 * threads not found (a renamed thread, a changed /proc layout), their CPU would read as zero and every
 * warm-up would look settled at once; this keeps the reading honest where /proc exists.
 */
class JitCpuTest {

    @Test
    void theCompilerThreadsAreFoundInProc() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        // JUnit's own start-up has kept C1 and C2 busy for far more than one clock tick (10 ms).
        assertThat(JitCpu.compilerThreadsNanos()).as("compiler threads' CPU after the JVM started").isPositive();
        assertThat(JitCpu.readable()).isTrue();
        assertThat(JitCpu.compilationMillis()).as("the MXBean's compilation time, printed beside it").isPositive();
    }

    @Test
    void theJvmsThreadsAreGroupedByKind() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        var readings = JvmThreadCpu.now();
        // The route benchmark's breakdown of the JVM's CPU leans on these names: were they not found, the garbage
        // collector's and the compiler's CPU would hide in "other".
        assertThat(readings.values()).anySatisfy(reading -> assertThat(reading.kind()).isEqualTo("jit"));
        // G1's and Parallel's threads have names of their own; Serial GC (one CPU or little memory) works in "VM Thread".
        boolean gcThreadsOfItsOwn = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().startsWith("G1") || gc.getName().startsWith("PS "));
        if (gcThreadsOfItsOwn) {
            assertThat(readings.values()).anySatisfy(reading -> assertThat(reading.kind()).isEqualTo("gc"));
        }
        assertThat(JvmThreadCpu.ticksByKind(readings, readings).values()).as("nothing between a reading and itself")
                .allSatisfy(ticks -> assertThat(ticks).isZero());
        assertThat(JvmThreadCpu.kind("http-nio-auto-1")).isEqualTo("tomcat");
        assertThat(JvmThreadCpu.kind("camundaTaskExec")).isEqualTo("job executor");
    }
}
