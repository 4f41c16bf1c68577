package nl.wijkroute.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Where the JVM's CPU goes outside what a profiler of Java threads shows (issue 14): the route benchmark's service
 * spends more CPU per step than its request threads do in {@code RequestCpuBenchmarkTest}, and JFR samples Java threads
 * only, so the garbage collector's and the JIT's threads are not in a profile. Reads each thread's ticks from
 * /proc/self/task and groups them by HotSpot's and the libraries' thread names (cut to 15 characters there).
 * Threads that end during a phase take their ticks along: the phase reports them as the rest of the process's CPU.
 */
final class JvmThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** The kind of HotSpot's compiler threads (JitCpu sums them). */
    static final String JIT = "jit";

    private JvmThreadCpu() {
    }

    /** Each live thread's own CPU ticks, by thread id, with its kind. */
    static Map<Long, Reading> now() {
        Map<Long, Reading> readings = new HashMap<>();
        try (var tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                ProcStat stat = ProcStat.read(task);
                if (stat != null) {
                    readings.put(Long.parseLong(task.getFileName().toString()), new Reading(kind(stat.name()), stat.ownTicks()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return readings;
    }

    /**
     * The calling thread's reading (by its Linux thread id), for a thread that ends within a phase and would otherwise
     * take its ticks along; null where /proc is missing.
     */
    static Map.Entry<Long, Reading> currentThread() {
        try {
            Path task = Path.of("/proc/thread-self").toRealPath();
            ProcStat stat = ProcStat.read(task);
            return stat == null ? null
                    : Map.entry(Long.parseLong(task.getFileName().toString()), new Reading(kind(stat.name()), stat.ownTicks()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Ticks per kind between two readings; a thread that started in between counts from zero. */
    static Map<String, Long> ticksByKind(Map<Long, Reading> start, Map<Long, Reading> stop) {
        return byKind(start, stop, Reading::kind, Reading::ticks);
    }

    /**
     * What each kind of thread added between two readings of a per-thread counter (CPU ticks, allocated bytes); a thread
     * that started in between, or whose kind changed (a reused id), counts from zero.
     */
    static <R> Map<String, Long> byKind(Map<Long, R> start, Map<Long, R> stop, Function<R, String> kind,
                                        ToLongFunction<R> amount) {
        Map<String, Long> byKind = new TreeMap<>();
        stop.forEach((thread, reading) -> {
            R before = start.get(thread);
            long from = before != null && kind.apply(before).equals(kind.apply(reading)) ? amount.applyAsLong(before) : 0;
            byKind.merge(kind.apply(reading), Math.max(0, amount.applyAsLong(reading) - from), Long::sum);
        });
        return byKind;
    }

    record Reading(String kind, long ticks) {
    }

    /** The kind of a thread by its name as /proc shows it. */
    static String kind(String name) {
        if (name.startsWith("http-nio-")) {
            // Request threads, acceptor and poller alike: "http-nio-auto-1-exec-3" is "http-nio-auto-1" in /proc.
            return "tomcat";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("GC ")) {
            return "gc";
        }
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (name.startsWith("bench-engine-")) {
            // The bare engine's phases run the engine on the benchmark's own threads: that is the compared work.
            return "bare engine";
        }
        if (name.startsWith("bench-") || name.startsWith("Keep-Alive-")) {
            // The client threads, and the JDK's threads that close their idle kept-alive connections
            // ("Keep-Alive-Timer", "Keep-Alive-Time" as /proc cuts it to 15 characters).
            return "benchmark clients";
        }
        if (name.startsWith("camundaTaskExec") || name.startsWith("JobExecutor")) {
            return "job executor";
        }
        if (name.startsWith("scheduling-")) {
            return "scheduled work";
        }
        if (name.startsWith("VM ") || name.startsWith("Common-Cleaner") || name.startsWith("Reference Handl")
                || name.startsWith("Finalizer") || name.startsWith("Signal Dispatch") || name.startsWith("Service Thread")
                || name.startsWith("Monitor Deflati") || name.startsWith("Sweeper")) {
            return "vm";
        }
        return "other";
    }
}
