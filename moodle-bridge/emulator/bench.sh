#!/usr/bin/env bash
# Benchmark of the enrolment sync against the in-process Moodle emulator: 1,750 new learners (35 states x 50), 30 ms
# added per call; prints HTTP calls and wall time, batched versus one call per learner, and the ratio.
# Usage: moodle-bridge/emulator/bench.sh [--latency-ms N] [--per-state N] [--states N]   (MVN_FLAGS=-o to build offline)
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/../.."
# shellcheck disable=SC2086
mvn -q ${MVN_FLAGS:-} -pl moodle-bridge/emulator -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$module/target/bench.classpath" -Dmdep.includeScope=test
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" \
    org.iin.csec.moodle.sync.SyncBenchmark "$@"
