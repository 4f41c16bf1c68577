package nl.wijkroute.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's garbage collections, for a benchmark phase (issue 14): how many and their summed time (the collectors'
 * MXBeans), and the longest single one (each collection's duration, from the notification the JVM sends after it,
 * placed in the phase by when the collection ended, so a notification that arrives late is not put in the next phase).
 * G1's young and mixed collections and the parallel collector's collections stop the application for their whole
 * duration; on JDK 17 G1's remark and cleanup pauses are reported by no collector, so they are not in it.
 */
final class GcPauses {

    /** Each reported collection: when it ended (ms of JVM uptime) and how long it took (ms). */
    private static final List<long[]> COLLECTIONS = new ArrayList<>();

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo();
                        synchronized (COLLECTIONS) {
                            COLLECTIONS.add(new long[] {info.getEndTime(), info.getDuration()});
                        }
                    }
                }, null, null);
            }
        }
    }

    private GcPauses() {
    }

    /** Collections so far and their time so far, at this moment of the JVM's uptime. */
    static Reading now() {
        long collections = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new Reading(collections, millis, 0, 0, ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /**
     * @param longestMillis the longest collection that ended between two readings (0 in a reading of {@link #now()})
     * @param reported      how many of those collections were reported by the time of the later reading
     * @param uptimeMillis  the JVM's uptime at the (later) reading
     */
    record Reading(long collections, long millis, long longestMillis, int reported, long uptimeMillis) {

        /** What happened between {@code start} and this reading. */
        Reading since(Reading start) {
            long longest = 0;
            int inWindow = 0;
            synchronized (COLLECTIONS) {
                for (long[] collection : COLLECTIONS) {
                    if (collection[0] > start.uptimeMillis && collection[0] <= uptimeMillis) {
                        longest = Math.max(longest, collection[1]);
                        inWindow++;
                    }
                }
            }
            return new Reading(collections - start.collections, millis - start.millis, longest, inWindow, uptimeMillis);
        }
    }
}
