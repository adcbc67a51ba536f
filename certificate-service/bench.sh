#!/usr/bin/env bash
# Certificate throughput: render + IIN and state signatures (RSA-2048), on 1 and 2 threads, and a batch of 1,750
# with heap use. Usage: certificate-service/bench.sh   (JVM options: BENCH_JAVA_OPTS, default -Xmx512m)
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
# One run, so that the chassis (a module of this build) is on the class path as just compiled; the last module
# built, certificate-service, writes the class path file last.
mvn -q -pl certificate-service -am -DskipTests -DskipITs test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/bench-classpath.txt"
cd "$module"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx512m} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.iin.csec.certificate.infrastructure.signing.CertificateThroughputBenchmark "$@"
