package nl.wijkroute.benchmark;

import java.lang.management.ManagementFactory;

/**
 * What the JIT costs the JVM it runs in, for the route benchmark's warm-up and its JIT columns (decision 0058).
 * The compiler threads' CPU is what the JIT takes from the service whatever the machine's load; the
 * CompilationMXBean's figure is the wall time of each compilation, which grows with the load.
 */
final class JitCpu {

    private JitCpu() {
    }

    /**
     * CPU of HotSpot's compiler threads ("C1 CompilerThre…", "C2 CompilerThre…", names cut to 15 characters in
     * /proc/self/task/N/stat). With 2 cores HotSpot runs one of each for the JVM's life; on larger machines extra
     * compiler threads may end and take their ticks along (an underestimate). Zero where /proc is missing. The threads
     * are those {@link JvmThreadCpu} counts as the JIT's.
     */
    static long compilerThreadsNanos() {
        long ticks = JvmThreadCpu.now().values().stream().filter(reading -> reading.kind().equals(JvmThreadCpu.JIT))
                .mapToLong(JvmThreadCpu.Reading::ticks).sum();
        return ticks * (1_000_000_000L / ProcStat.CLOCK_TICKS);
    }

    /**
     * Whether the compiler threads' CPU can be read here: a JVM that has started Spring (or JUnit) has compiled
     * for far more than one clock tick, so zero means unreadable, not idle.
     */
    static boolean readable() {
        return compilerThreadsNanos() > 0;
    }

    /** The JIT's accumulated compilation time (all compiler threads, wall time of each compilation), ms. */
    static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
