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
        assertThat(JvmThreadCpu.kind("bench-engine-3")).isEqualTo("bare engine");
        assertThat(JvmThreadCpu.kind("bench-client-3")).isEqualTo("benchmark clients");
        assertThat(JvmThreadCpu.kind("Keep-Alive-Time")).as("as /proc names it").isEqualTo("benchmark clients");
    }

    /**
     * The route benchmark's bytes per step (decision 0073): a thread that allocates and ends within a phase is counted by
     * what it read as it ended, once, under its kind; without that reading an ended thread's bytes would be lost.
     */
    @Test
    void aThreadsAllocationIsCountedUnderItsKindOnceAsItEnds() throws Exception {
        assumeTrue(JvmThreadAllocation.supported(), "HotSpot's per-thread allocation count");
        var start = JvmThreadAllocation.now();
        var ended = new java.util.concurrent.ConcurrentHashMap<Long, JvmThreadAllocation.Reading>();
        var cpuReading = new java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<Long, JvmThreadCpu.Reading>>();
        var ticksStart = JvmThreadCpu.now();
        Thread worker = new Thread(() -> {
            byte[][] kept = new byte[64][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[16 * 1024];
            }
            assertThat(kept[63]).hasSize(16 * 1024);
            var reading = JvmThreadAllocation.currentThread();
            ended.put(reading.getKey(), reading.getValue());
            // Its CPU is read the same way, as it ends, by its Linux thread id and name.
            cpuReading.set(JvmThreadCpu.currentThread());
        }, "bench-engine-0");
        worker.start();
        worker.join();
        var stop = new java.util.HashMap<>(JvmThreadAllocation.now());
        stop.putAll(ended);
        long bareEngine = JvmThreadAllocation.bytesByKind(start, stop).getOrDefault("bare engine", 0L);
        assertThat(bareEngine).as("64 arrays of 16 KiB, counted once").isBetween(1024L * 1024, 2L * 1024 * 1024);
        if (Files.isDirectory(Path.of("/proc/thread-self"))) {
            var reading = cpuReading.get();
            assertThat(reading).as("the ending thread's own /proc reading").isNotNull();
            assertThat(reading.getValue().kind()).isEqualTo("bare engine");
            // join() can return before the Linux thread has left /proc: its ending reading replaces a live one.
            var ticksStop = new java.util.HashMap<>(JvmThreadCpu.now());
            ticksStop.put(reading.getKey(), reading.getValue());
            assertThat(JvmThreadCpu.ticksByKind(ticksStart, ticksStop)).containsKey("bare engine");
        }
    }
}
