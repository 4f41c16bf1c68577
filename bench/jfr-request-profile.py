#!/usr/bin/env python3
"""Where the request thread's CPU goes in a JFR recording of RequestCpuBenchmarkTest (issue 14), or with
--route in the recording RouteBenchmarkTest makes of its measured 8-client API phase (decision 0058).

Record (deep stacks, or the request's frames are cut off):
  ./mvnw -Pbenchmark test -Dtest=RequestCpuBenchmarkTest \
    -DargLine="-XX:FlightRecorderOptions:stackdepth=1024 -XX:StartFlightRecording=filename=target/cpu.jfr,settings=profile"
Read:
  jfr print --stack-depth 1024 --events jdk.ExecutionSample target/cpu.jfr | bench/jfr-request-profile.py

Counts only samples of measured calls (RequestCpuBenchmarkTest.call, without the unmeasured grid PUTs);
a sample counts for every group one of its frames belongs to, so the groups overlap.

Route benchmark (a warm service over real HTTP, Tomcat's request threads):
  bench/route-benchmark.sh -o -Dbenchmark.route.jfr=target/route-8.jfr \
    -DargLine=-XX:FlightRecorderOptions:stackdepth=1024
  jfr print --stack-depth 1024 --events jdk.ExecutionSample target/route-8.jfr | bench/jfr-request-profile.py --route
Prints the samples per kind of thread (request threads, job executor, scheduled work, the benchmark's own
clients), then the groups over the request threads' samples and their share per controller method.
JFR samples Java threads only: the JIT's compiler threads and the GC are not in it.

Allocation (where the request threads allocate; the same recordings, settings=profile):
  jfr print --stack-depth 1024 --events jdk.ObjectAllocationSample target/route-8.jfr \
    | bench/jfr-request-profile.py --route --alloc
  (without --route: the measured calls of a RequestCpuBenchmarkTest recording, on the test's own thread)
Prints the samples (and JFR's sampled weight beside them) per controller method, per group, per allocating site (the
innermost frame outside the JDK) and per allocated class. Allocation is work the JIT did not remove, so a site that
allocates much is a place to look for CPU too. Read the counts: a pooled thread's weight goes to its first allocation
after a wait (decision 0073).
"""
import collections
import re
import sys

GROUPS = [
    ("Hibernate (queries, loading, flush)", "org.hibernate."),
    ("Camunda engine commands", "org.camunda.bpm.engine.impl.interceptor.CommandExecutorImpl"),
    ("  of which MyBatis/OGNL", "org.apache.ibatis"),
    ("Micrometer observations", "io.micrometer"),
    ("JDBC: Hikari proxies", "com.zaxxer"),
    ("JDBC: pgjdbc", "org.postgresql"),
    ("transaction commit (flush, access log)", "AbstractPlatformTransactionManager.processCommit"),
    ("Jackson", "com.fasterxml"),
    ("Bean Validation", "org.hibernate.validator"),
    ("AuthorizationFilter's EndpointRules matching", "RequestMatcherDelegatingAuthorizationManager"),
    ("Hibernate building SQL of a query", "buildCacheableSqmInterpretation"),
    ("logging", "ch.qos.logback"),
    ("MockMvc printing the exchange (test only)", "PrintingResultHandler"),
]


UNITS = {"bytes": 1, "byte": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def weight_of(text):
    """JFR's weight as printed ("1.2 MB"); jfr prints it in the JVM's locale, so "1,2 MB" is read as 1.2 too."""
    number, unit = text.split("=", 1)[1].split()
    if "," in number and "." not in number:
        number = number.replace(",", ".")
    return float(number.replace(",", "")) * UNITS[unit]


def samples(lines):
    current, in_stack = None, False
    for line in lines:
        text = line.strip()
        if text.startswith("jdk.ExecutionSample") or text.startswith("jdk.ObjectAllocationSample"):
            current, in_stack = {"thread": "", "frames": [], "weight": 1.0, "class": ""}, False
        elif current is None:
            continue
        elif text.startswith("sampledThread") or text.startswith("eventThread"):
            current["thread"] = text
        elif text.startswith("weight ="):
            current["weight"] = weight_of(text)
        elif text.startswith("objectClass ="):
            current["class"] = text.split("=", 1)[1].split("(")[0].strip()
        elif text.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and text == "]":
            in_stack = False
        elif in_stack:
            match = re.match(r"(.*?)\(", text)
            if match:
                current["frames"].append(match.group(1))
        elif text == "}":
            yield current
            current = None


THREAD_KINDS = [
    ("service: Tomcat threads (requests, poller)", re.compile(r'"http-nio-')),
    ("service: job executor", re.compile(r'"camunda|"JobExecutor|job-?executor', re.I)),
    ("service: scheduled work (sealer)", re.compile(r'"scheduling-')),
    ("benchmark clients (client threads, HTTP keep-alive timer)", re.compile(r'"bench-|"Keep-Alive-Timer')),
]


def kind(thread):
    for name, pattern in THREAD_KINDS:
        if pattern.search(thread):
            return name
    return "other"


def controller(frames):
    """The outermost frame of our own controllers: which call a request thread's sample belongs to."""
    for frame in reversed(frames):
        if frame.startswith("nl.wijkroute.") and "Controller." in frame and "CGLIB" not in frame:
            return frame.removeprefix("nl.wijkroute.")
    return "outside a controller method (filters, security, JSON writing, Tomcat)"


def groups(measured):
    total = len(measured)
    for name, marker in GROUPS:
        hits = sum(1 for s in measured if any(marker in f for f in s["frames"]))
        print(f"{100 * hits / total:5.1f} %  {name}")


def own_code(measured):
    total = len(measured)
    print("\nown code, inclusive:")
    own = collections.Counter()
    for s in measured:
        for frame in set(s["frames"]):
            if frame.startswith("nl.wijkroute") and "CGLIB" not in frame and "benchmark" not in frame:
                own[frame] += 1
    for frame, hits in own.most_common(20):
        print(f"{100 * hits / total:5.1f} %  {frame}")


def route():
    everything = list(samples(sys.stdin))
    print(f"{len(everything)} samples in all Java threads")
    if not everything:
        return
    kinds = collections.Counter(kind(s["thread"]) for s in everything)
    for name, hits in kinds.most_common():
        print(f"{100 * hits / len(everything):5.1f} %  {name}")
    measured = [s for s in everything if kind(s["thread"]).startswith("service: Tomcat")]
    total = len(measured)
    print(f"\n{total} samples in Tomcat threads; groups (overlapping):")
    if not total:
        return
    groups(measured)
    print("\nper controller method (outermost; each sample once):")
    for name, hits in collections.Counter(controller(s["frames"]) for s in measured).most_common():
        print(f"{100 * hits / total:5.1f} %  {name}")
    own_code(measured)


JDK_PREFIXES = ("java.", "jdk.", "sun.", "com.sun.")


def site(frames):
    """Who allocates: the innermost frame outside the JDK (an ArrayList growing is its caller's allocation)."""
    for frame in frames:
        if not frame.startswith(JDK_PREFIXES):
            return frame
    return frames[0] if frames else "(no stack)"


def allocation():
    """Allocation samples of the request threads, counted (each sample is one new TLAB or one object outside it).

    Counts, not JFR's sampled weight: the weight is the bytes since the thread's previous sample, and a pooled Tomcat
    thread that waited (or lost its TLAB to a GC) hands all of it to its first allocation of the next request; in the
    route benchmark 90 % of the weight landed on Tomcat's Request.markStartTime. The weight is shown beside the count.
    """
    everything = list(samples(sys.stdin))
    print(f"{len(everything)} allocation samples in all Java threads")
    if not everything:
        return
    for name, hits in collections.Counter(kind(s["thread"]) for s in everything).most_common():
        print(f"{100 * hits / len(everything):5.1f} %  {name}")
    if "--route" in sys.argv[1:]:
        measured = [s for s in everything if kind(s["thread"]).startswith("service: Tomcat")]
    else:
        # RequestCpuBenchmarkTest: MockMvc runs each call on the test's own thread.
        measured = [s for s in everything if '"main"' in s["thread"]
                    and any("RequestCpuBenchmarkTest.call" in f for f in s["frames"])]
    total = len(measured)
    weight = sum(s["weight"] for s in measured)
    if not total:
        return
    print(f"\n{total} samples in the request threads; groups (overlapping), samples % (weight %):")
    for name, marker in GROUPS:
        hit = [s for s in measured if any(marker in f for f in s["frames"])]
        print(f"{100 * len(hit) / total:5.1f} % ({100 * sum(s['weight'] for s in hit) / weight:5.1f} %)  {name}")
    for title, key, count in (("per controller method (outermost)", lambda s: controller(s["frames"]), 30),
                              ("allocating site (innermost frame outside the JDK)", lambda s: site(s["frames"]), 40),
                              ("allocated class", lambda s: s["class"], 20)):
        print(f"\n{title}:")
        hits, weights = collections.Counter(), collections.Counter()
        for s in measured:
            hits[key(s)] += 1
            weights[key(s)] += s["weight"]
        for name, n in hits.most_common(count):
            print(f"{100 * n / total:5.1f} % ({100 * weights[name] / weight:5.1f} %)  {name}")
    own_code(measured)


def main():
    if "--alloc" in sys.argv[1:]:
        allocation()
        return
    if "--route" in sys.argv[1:]:
        route()
        return
    measured = [s for s in samples(sys.stdin) if '"main"' in s["thread"]
                and any("RequestCpuBenchmarkTest.call" in f for f in s["frames"])
                and not any("doPut" in f or "fillRestOfGrid" in f for f in s["frames"])]
    total = len(measured)
    print(f"{total} samples in measured calls")
    if not total:
        return
    for name, marker in GROUPS:
        hits = sum(1 for s in measured if any(marker in f for f in s["frames"]))
        print(f"{100 * hits / total:5.1f} %  {name}")
        if marker == "io.micrometer":
            # Who started the observation: the caller of the outermost Micrometer frame.
            callers = collections.Counter()
            for s in measured:
                inner = [i for i, f in enumerate(s["frames"]) if f.startswith("io.micrometer")]
                if inner and inner[-1] + 1 < len(s["frames"]):
                    caller = s["frames"][inner[-1] + 1]
                    callers["Spring Security" if ".security." in caller else "Spring MVC (http.server.requests)"
                            if "ServerHttpObservationFilter" in caller else "other"] += 1
            for caller, hits in callers.most_common():
                print(f"{100 * hits / total:5.1f} %    of which started by {caller}")
    own_code(measured)


if __name__ == "__main__":
    main()
