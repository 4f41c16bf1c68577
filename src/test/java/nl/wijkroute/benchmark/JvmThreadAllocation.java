package nl.wijkroute.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes the JVM's Java threads allocated, by kind of thread (the kinds of {@link JvmThreadCpu}). CPU per step moves by
 * a fifth between runs on this shared machine (neighbours); the bytes a warm service allocates for the same calls move
 * far less, so a change that removes work shows in them when it does not in the CPU columns (issue 14). HotSpot counts
 * each thread's allocation exactly (TLAB refills and outside-TLAB objects); what the JIT removed by escape analysis is
 * not counted, as it costs nothing. A thread that ended during a phase takes its bytes along (not reported).
 */
final class JvmThreadAllocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JvmThreadAllocation() {
    }

    /** Whether this JVM counts allocation per thread (HotSpot does, once enabled). */
    static boolean supported() {
        if (THREADS.isThreadAllocatedMemorySupported() && !THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Each live Java thread's allocated bytes so far, by thread id, with its kind. */
    static Map<Long, Reading> now() {
        Map<Long, Reading> readings = new HashMap<>();
        if (!supported()) {
            return readings;
        }
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0) {
                readings.put(ids[i], new Reading(JvmThreadCpu.kind(infos[i].getThreadName()), bytes[i]));
            }
        }
        return readings;
    }

    /** The calling thread's reading, for a thread that ends within a phase and would otherwise take its bytes along. */
    static Map.Entry<Long, Reading> currentThread() {
        Thread thread = Thread.currentThread();
        long bytes = supported() ? THREADS.getCurrentThreadAllocatedBytes() : 0;
        return Map.entry(thread.getId(), new Reading(JvmThreadCpu.kind(thread.getName()), Math.max(0, bytes)));
    }

    /** Bytes per kind between two readings; a thread that started in between counts from zero. */
    static Map<String, Long> bytesByKind(Map<Long, Reading> start, Map<Long, Reading> stop) {
        return JvmThreadCpu.byKind(start, stop, Reading::kind, Reading::bytes);
    }

    record Reading(String kind, long bytes) {
    }
}
