package nl.wijkroute.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;

/** A process's or thread's {@code stat} file under /proc (Linux), as the route benchmark reads CPU from it. */
record ProcStat(String name, String[] fields) {

    static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    /**
     * The stat of {@code /proc/N} or {@code /proc/self/task/N}: its command name (cut to 15 characters) and the fields
     * after it (state 0, ppid 1, ..., utime 11, stime 12, cutime 13, cstime 14); null when it ended meanwhile.
     */
    static ProcStat read(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return new ProcStat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                    stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU ticks it used itself, user and system. */
    long ownTicks() {
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU ticks it used itself in the kernel, a part of {@link #ownTicks()}: system calls (sockets, files, futexes), page
     * faults and interrupts that land while it runs (on loopback, the peer's receive work is charged to the sender);
     * split from user time by the kernel's 100 Hz sampling, so an estimate.
     */
    long systemTicks() {
        return Long.parseLong(fields[12]);
    }

    /** CPU ticks of its children that ended, user and system. */
    long endedChildrenTicks() {
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
