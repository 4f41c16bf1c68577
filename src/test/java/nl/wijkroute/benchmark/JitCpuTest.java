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
}
