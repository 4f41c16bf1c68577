#!/usr/bin/env bash
# The route benchmark (issue 14): the service over real HTTP with signed tokens at 1, 8, 32 and 64 clients,
# beside the bare engine and PostgreSQL's durable commit ceiling, measured after a warm-up that lasts until
# the JIT has settled (1-3 minutes; decision 0058). Takes about 5-8 minutes on 2 quiet cores (plus
# compiling). Never part of ./mvnw verify. The printed table is kept in target/route-benchmark.txt
# (the test writes it) and the whole output in target/route-benchmark.log. Exit status non-zero when a
# target is missed. Extra arguments go to Maven, e.g. -Dbenchmark.route.seconds=60 or -o; a JFR profile of
# the measured 8-client API phase: -Dbenchmark.route.jfr=target/route-8.jfr (of the floor phase:
# -Dbenchmark.route.jfr-floor=target/route-floor.jfr; record both or neither when the floor line's shares matter)
# -DargLine=-XX:FlightRecorderOptions:stackdepth=1024 (read it with bench/jfr-request-profile.py --route).
# Variants measured in the same run (printed, not asserted): -Dbenchmark.route.without-admission=true,
# -Dbenchmark.route.tomcat-threads=4, -Dbenchmark.route.admission-limits=4,3,2; -Dbenchmark.route.variants-first=true
# runs them right after the warm-up instead of after the measured phases.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
status=0
./mvnw -B -Pbenchmark test -Dtest=RouteBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > target/route-benchmark.log 2>&1 || status=$?
grep '^\[benchmark\]' target/route-benchmark.log | sed 's/^\[benchmark\] //' || true
if [ "$status" -ne 0 ]; then
    grep -A40 'FAILURE!' target/route-benchmark.log | grep -E '^\[|Expect|expect|to be|Multiple' | head -40 || true
    echo "Route benchmark: a target was missed or the run failed (exit $status); see target/route-benchmark.log" >&2
fi
echo "Table: target/route-benchmark.txt"
exit "$status"
